// "Did you mean" on the embedded engine, as Elasticsearch's term suggester does it on `text.exact`
// (Lucene's DirectSpellChecker with its defaults): candidates are indexed words as written within
// two edits that share the first letter, for words of at least four letters; scored
// 1 − edits / (length of the shorter word), at least 0.5; best score first, then the most
// frequent, then in dictionary order.
import { analyzeWith } from '../../analysis/analyzer.ts';
import { withinEdits } from './edit-distance.ts';
import type { Evaluation } from './evaluate.ts';

/** The term suggester's defaults (ES `term` suggester: max_edits, prefix_length, min_word_length, accuracy). */
export const SUGGEST_MAX_EDITS = 2;
export const SUGGEST_PREFIX_LENGTH = 1;
export const SUGGEST_MIN_WORD_LENGTH = 4;
export const SUGGEST_ACCURACY = 0.5;

/** The best correction of `word` among the indexed words of the text as written, or null. */
export function nearestIndexedWord(evaluation: Evaluation, word: string): string | null {
  const exact = analyzeWith('dutch_exact', word).find((t) => t.term !== null)?.term;
  if (!exact || [...exact].length < SUGGEST_MIN_WORD_LENGTH) return null;
  const prefix = exact.slice(0, SUGGEST_PREFIX_LENGTH);
  const candidates = evaluation
    .similarTerms('textExact', exact, SUGGEST_MAX_EDITS)
    .filter((term) => term !== exact && term.startsWith(prefix))
    .map((term) => {
      const edits = withinEdits(exact, term, 1) ? 1 : 2;
      const score = 1 - edits / Math.min([...exact].length, [...term].length);
      return { term, score, freq: evaluation.docFreq('textExact', term) };
    })
    .filter((c) => c.score >= SUGGEST_ACCURACY && c.freq > 0)
    .sort((a, b) => b.score - a.score || b.freq - a.freq || (a.term < b.term ? -1 : 1));
  return candidates[0]?.term ?? null;
}
