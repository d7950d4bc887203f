// Analysis of field values for the index, by the project's analyzers (../../analysis/analyzer.ts:
// the Latin fast path of the tokenizer, each distinct word through the filters once). The segment
// builder tokenizes a value once for its stemmed and exact fields and analyses each distinct token
// text on its own (analyseToken): every filter of mappings/analysis.json works token by token, so
// the stream is the one the analyzer gives for the whole text (tests/analysis/analyzer-fast-path.test.ts).
import { analyzeWith, analyzeWordWith } from '../../analysis/analyzer.ts';

/** The analyzers of the index: stemmed text and the unstemmed `.exact` subfield. */
export type AnalyzerName = 'dutch_text' | 'dutch_exact';

/** One indexed token; several may share a position (a decompounder's parts, synonyms). */
export interface FieldToken {
  term: string;
  position: number;
  start: number;
  end: number;
}

/** A term the analyzer derives from one token, placed relative to that token. */
export interface Derived {
  term: string;
  positionDelta: number;
  start: number;
  end: number;
}

/** The indexed tokens of `text` under `analyzer`; removed tokens (stopwords) left out. */
function indexedTokens(analyzer: AnalyzerName, text: string): FieldToken[] {
  const out: FieldToken[] = [];
  for (const { term, position, start, end } of analyzeWith(analyzer, text))
    if (term !== null) out.push({ term, position, start, end });
  return out;
}

/** The terms `analyzer` derives from one token's text (the filters alone: it is one token). */
export function analyseToken(analyzer: AnalyzerName, text: string): Derived[] {
  const out: Derived[] = [];
  for (const { term, position, start, end } of analyzeWordWith(analyzer, text))
    if (term !== null) out.push({ term, positionDelta: position, start, end });
  return out;
}

/** Both analyses of a field value. */
export const analyseField = (text: string): Record<AnalyzerName, FieldToken[]> => ({
  dutch_text: indexedTokens('dutch_text', text),
  dutch_exact: indexedTokens('dutch_exact', text),
});
