import { Router } from 'express';
import { z } from 'zod';
// The same report `vraagbaak analyze --json` prints (TextAnalysis, src/analysis/text-analysis.ts),
// made in a worker thread and sent as the JSON text the worker wrote.
import type { AnalysisPool } from '../analysis-pool.ts';
import { parseRequest } from '../errors.ts';

/** A long answer with its annexes fits easily; a whole corpus does not. */
export const MAX_ANALYZE_LENGTH = 100_000;

export const AnalyzeBody = z.object({ text: z.string().min(1).max(MAX_ANALYZE_LENGTH) }).strict();

export function analyzeRoutes(pool: AnalysisPool): Router {
  return Router().post('/api/analyze', async (req, res) => {
    const { text } = parseRequest(AnalyzeBody, req.body ?? {});
    res.type('json').send(await pool.analyzeToJson(text));
  });
}
