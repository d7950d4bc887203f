// What `vraagbaak analyze` and POST /api/analyze report for a text: its language, its tokens with
// their index terms (stopwords have none) and the entities found in it.
// The shape is declared once (zod): the API's answer is typed by it and described from it (OpenAPI).
import { z } from 'zod';
import { Entity } from '../model/document.ts';
import { tagEntities } from '../entities/tag.ts';
import { detectLanguage } from '../language/detect.ts';
import { analyze } from './analyzer.ts';

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

export function analyzeText(text: string): TextAnalysis {
  return {
    language: detectLanguage(text),
    tokens: analyze(text).map(({ text, term, start, end }) =>
      term === null ? { text, start, end } : { text, term, start, end },
    ),
    entities: tagEntities(text),
  };
}
