// Relaxed matching, decided once for both engines: AND stays the default, but a query of plain
// words that finds nothing is run again looser, in stages, until a stage finds something:
//   fuzzy            words unknown to the index match the indexed words within Lucene's AUTO edit
//                    distance of the word AS WRITTEN (the unstemmed field: a one-letter typo is
//                    often more than one edit from the stem); every word still required
//   across-passages  (groupBy=document only) a document whose passages together hold every word
//   some-words       a ranked minimum_should_match: all words but one for 2–4 words, 75% beyond
// Queries with operators, phrases, prefixes or explicit fuzziness are taken as meant and never
// relaxed. Which words are unknown comes from the engine (one count per word over the whole index).
import { analyzeWith } from '../analysis/analyzer.ts';
import { compoundLexicon, compoundVariants, withAlternatives } from './compound-variants.ts';
import { parseQuery, type QueryNode } from './query-syntax.ts';
import type { Relaxation, RelaxedWord, WordSuggestion } from './search-result.ts';

export type { Relaxation, RelaxedWord, WordSuggestion };

/**
 * A strict result with fewer hits than this is relaxed. One: a passage that holds every word is
 * what the user asked for, and mixing partial matches under it would bury it; zero hits is where
 * the known-item measurements lose the user (bench/relaxed-matching.ts).
 */
export const RELAX_WHEN_FEWER_THAN = 1;

/** Leaves that are plain words: no operators, phrases, prefixes or explicit fuzziness. */
function plainWords(node: QueryNode | null): string[] | null {
  if (!node) return null;
  if (node.kind === 'term') return node.fuzziness === 0 ? [node.text] : null;
  if (node.kind !== 'bool' || node.operator !== 'and') return null;
  const words: string[] = [];
  for (const clause of node.clauses) {
    const inner = plainWords(clause);
    if (!inner) return null;
    words.push(...inner);
  }
  return words;
}

const searchable = (word: string) => analyzeWith('dutch_text', word).some((t) => t.term !== null);

/** The distinct searchable words of `q` when it may be relaxed, else null. */
export function relaxableWords(q: string): string[] | null {
  const words = plainWords(parseQuery(q));
  if (!words) return null;
  const distinct = [...new Set(words.filter(searchable))];
  return distinct.length > 0 ? distinct : null;
}

/**
 * Per word of `words`, the query that finds it: the word or its compound and spelling
 * alternatives (./compound-variants.ts), so "speel" counts as found in "speelpleinen" when the
 * query was "speel pleinen".
 */
export function wordQueries(words: string[]): string[] {
  const variants = compoundVariants(words, compoundLexicon());
  return words.map((word, i) => withAlternatives(word, variants[i]!));
}

/** The words of a query that holds only stopwords (it matches nothing), else null. */
export function stopwordsOnly(q: string): string[] | null {
  const words = plainWords(parseQuery(q));
  if (!words || words.length === 0 || words.some(searchable)) return null;
  return words;
}

/** Words each hit must hold: all but one for 2–4 words, 75% (rounded down) beyond. */
export function minimumShouldMatch(words: number): number {
  if (words <= 1) return words;
  if (words <= 4) return words - 1;
  return Math.floor((words * 3) / 4);
}

/** Lucene's AUTO fuzziness: 0 edits up to 2 characters, 1 up to 5, else 2. */
export function autoFuzziness(term: string): number {
  const length = [...term].length;
  return length <= 2 ? 0 : length <= 5 ? 1 : 2;
}

/** A word's form on the unstemmed field when it is one token, else null. */
function exactForm(word: string): string | null {
  const terms = analyzeWith('dutch_exact', word).flatMap((t) => (t.term === null ? [] : [t.term]));
  return terms.length === 1 ? terms[0]! : null;
}

/**
 * The stages to try, loosest last, for the `words` of a query of which `unknown` find nothing
 * in the index.
 */
export function relaxationStages(
  words: string[],
  unknown: ReadonlySet<string>,
  grouped: boolean,
): Relaxation[] {
  const relaxed: RelaxedWord[] = words.map((word) => {
    const exact = unknown.has(word) ? exactForm(word) : null;
    const distance = exact === null ? 0 : autoFuzziness(exact);
    return { word, fuzzy: exact !== null && distance > 0 ? { exact, distance } : null };
  });
  const stages: Relaxation[] = [];
  const all = words.length;
  if (relaxed.some((w) => w.fuzzy))
    stages.push({ kind: 'fuzzy', words: relaxed, minimumShouldMatch: all });
  if (grouped && all > 1)
    stages.push({ kind: 'across-passages', words: relaxed, minimumShouldMatch: all });
  const some = minimumShouldMatch(all);
  if (some < all) stages.push({ kind: 'some-words', words: relaxed, minimumShouldMatch: some });
  return stages;
}

/** A "did you mean" correction of one word unknown to the index. */

/** `q` with the whole word `word` replaced by `replacement` (first occurrence). */
export function replaceWord(q: string, word: string, replacement: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return q.replace(new RegExp(`(^|[\\s(+|-])${escaped}(?=$|[\\s)|])`, 'u'), `$1${replacement}`);
}

/** Suggestions for each unknown word that has a nearest indexed word. */
export function wordSuggestions(
  q: string,
  unknown: Iterable<string>,
  nearest: (word: string) => string | null,
): WordSuggestion[] {
  const suggestions: WordSuggestion[] = [];
  for (const word of unknown) {
    const replacement = nearest(word);
    if (replacement && replacement !== word.toLowerCase())
      suggestions.push({ word, replacement, query: replaceWord(q, word, replacement) });
  }
  return suggestions;
}
