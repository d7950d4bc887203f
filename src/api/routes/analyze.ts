import { Router } from 'express';
import { z } from 'zod';
// The same report `vraagbaak analyze --json` prints.
import { analyzeText } from '../../analysis/text-analysis.ts';
import { parseRequest } from '../errors.ts';

/** A long answer with its annexes fits easily; a whole corpus does not. */
export const MAX_ANALYZE_LENGTH = 100_000;

export const AnalyzeBody = z.object({ text: z.string().min(1).max(MAX_ANALYZE_LENGTH) }).strict();

export function analyzeRoutes(): Router {
  return Router().post('/api/analyze', (req, res) => {
    const { text } = parseRequest(AnalyzeBody, req.body ?? {});
    res.json(analyzeText(text));
  });
}
