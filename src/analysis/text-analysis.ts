// What `vraagbaak analyze` and POST /api/analyze report for a text: its language, its tokens with
// their index terms (stopwords have none) and the entities found in it.
import { tagEntities } from '../entities/tag.ts';
import { detectLanguage } from '../language/detect.ts';
import { analyze } from './analyzer.ts';
import type { TextAnalysis } from './text-analysis-shape.ts';

export type { TextAnalysis };

export function analyzeText(text: string): TextAnalysis {
  return {
    language: detectLanguage(text),
    tokens: analyze(text).map(({ text, term, start, end }) =>
      term === null ? { text, start, end } : { text, term, start, end },
    ),
    entities: tagEntities(text),
  };
}
