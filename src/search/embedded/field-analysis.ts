// Analysis of a field value for the index, once per token stream: the text is tokenized once (the
// Latin fast path, ../../analysis/latin-tokenizer.ts) and each distinct token text is run through an
// analyzer's filters once, by analysing the token on its own with the project's analyzer and
// caching the result. Every filter of mappings/analysis.json works token by token (lowercase, stop,
// stemmer override, stemmer; a decompounder adds parts at the token's position), so the stream is
// the one the analyzer gives for the whole text; tests/embedded/field-analysis.test.ts checks this
// on the whole corpus.
import { analyzeWith } from '../../analysis/analyzer.ts';
import { tokenizeStandard } from '../../analysis/latin-tokenizer.ts';
import type { Token } from '../../analysis/tokenizer.ts';

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

const CACHE_LIMIT = 200_000;
const caches: Record<AnalyzerName, Map<string, Derived[]>> = {
  dutch_text: new Map(),
  dutch_exact: new Map(),
};

/** The terms `analyzer` derives from one token's text (computed once per distinct text). */
export function analyseToken(analyzer: AnalyzerName, text: string): Derived[] {
  const cache = caches[analyzer];
  let derived = cache.get(text);
  if (derived === undefined) {
    derived = [];
    for (const token of analyzeWith(analyzer, text)) {
      if (token.term === null) continue;
      derived.push({
        term: token.term,
        positionDelta: token.position,
        start: token.start,
        end: token.end,
      });
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, derived);
  }
  return derived;
}

/** The indexed tokens of `tokens` (one tokenization) under `analyzer`; removed tokens left out. */
export function analyseTokens(analyzer: AnalyzerName, tokens: Token[]): FieldToken[] {
  const out: FieldToken[] = [];
  for (const token of tokens) {
    for (const d of analyseToken(analyzer, token.text)) {
      out.push({
        term: d.term,
        position: token.position + d.positionDelta,
        start: token.start + d.start,
        end: token.start + d.end,
      });
    }
  }
  return out;
}

/** Both analyses of a field value from one tokenization. */
export function analyseField(text: string): Record<AnalyzerName, FieldToken[]> {
  const tokens = tokenizeStandard(text);
  return {
    dutch_text: analyseTokens('dutch_text', tokens),
    dutch_exact: analyseTokens('dutch_exact', tokens),
  };
}
