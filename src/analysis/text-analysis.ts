// What `vraagbaak analyze` and POST /api/analyze report for a text: its language, its tokens with
// their index terms (stopwords have none) and the entities found in it.
import type { Entity } from '../model/document.ts';
import { tagEntities } from '../entities/tag.ts';
import { detectLanguage } from '../language/detect.ts';
import { analyze } from './analyzer.ts';

export interface TextAnalysis {
  language: string | null;
  tokens: { text: string; term?: string; start: number; end: number }[];
  entities: Entity[];
}

export function analyzeText(text: string): TextAnalysis {
  return {
    language: detectLanguage(text),
    tokens: analyze(text).map(({ text, term, start, end }) =>
      term === null ? { text, start, end } : { text, term, start, end },
    ),
    entities: tagEntities(text),
  };
}
