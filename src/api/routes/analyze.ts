import { Router } from 'express';
import { z } from 'zod';
import { analyze } from '../../analysis/analyzer.ts';
import { tagEntities } from '../../entities/tag.ts';
import { detectLanguage } from '../../language/detect.ts';
import { parseRequest } from '../errors.ts';

/** A long answer with its annexes fits easily; a whole corpus does not. */
export const MAX_ANALYZE_LENGTH = 100_000;

export const AnalyzeBody = z.object({ text: z.string().min(1).max(MAX_ANALYZE_LENGTH) }).strict();

// TODO(analysis engineer): replace with the shared report function of `vraagbaak analyze --json`.
function analysisReport(text: string) {
  return {
    language: detectLanguage(text),
    tokens: analyze(text).map(({ text, term, start, end }) => ({ text, term, start, end })),
    entities: tagEntities(text),
  };
}

export function analyzeRoutes(): Router {
  return Router().post('/api/analyze', (req, res) => {
    const { text } = parseRequest(AnalyzeBody, req.body ?? {});
    res.json(analysisReport(text));
  });
}
