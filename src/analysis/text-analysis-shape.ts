// What a text analysis holds (see text-analysis.ts), declared once (zod): POST /api/analyze is typed
// by it and the OpenAPI description generated from it. Apart from the analysis itself, so the
// server can describe the answer without loading the analyzer and the entity model.
import { z } from 'zod';
import { Entity } from '../model/document.ts';

export const TextAnalysis = z.object({
  language: z.string().nullable().describe('ISO 639-3 code (nld, fra, …); null when undetermined.'),
  tokens: z.array(
    z.object({
      text: z.string(),
      term: z.string().optional().describe('The index term; absent for a stopword.'),
      start: z.number().int(),
      end: z.number().int(),
    }),
  ),
  entities: z.array(Entity),
});
export type TextAnalysis = z.infer<typeof TextAnalysis>;
