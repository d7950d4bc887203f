// Elasticsearch's more_like_this, the reference for both engines: the like text is analysed with
// the index analyzer, its terms are scored tf × idf (Lucene's ClassicSimilarity idf, as ES's
// XMoreLikeThis uses), each on the field where it is most common, and the best ones become an OR
// query of which a share must match. Elasticsearch runs this itself (settings below are sent with
// every request); the embedded engine selects the terms here and scores them with its BM25.
import { analyzeWith } from '../../analysis/analyzer.ts';

/** Fields compared, the first one's analyzer analysing the like text (as in Elasticsearch). */
export const similarFields = ['text', 'title'] as const;
export type SimilarField = (typeof similarFields)[number];
export const LIKE_ANALYZER = 'dutch_text';

export const moreLikeThis = {
  /** Terms of the draft used at most: a long draft is cut to its most salient terms. */
  maxQueryTerms: 25,
  /** A term must occur this often in the draft … */
  minTermFreq: 2,
  /** … and in at least this many passages of the index. */
  minDocFreq: 5,
  /** Share of the selected terms a passage must contain. */
  minimumShouldMatch: '30%',
  /** Tokens of the draft analysed at most (XMoreLikeThis.DEFAULT_MAX_NUM_TOKENS_PARSED). */
  maxTokensParsed: 5000,
} as const;

/** What the term selection needs from an engine. */
export interface TermStatistics {
  /** Passages in the index (Lucene's numDocs). */
  passageCount: number;
  /** Passages whose `field` contains `term`. */
  documentFrequency(field: SimilarField, term: string): number;
}

export interface SalientTerm {
  term: string;
  /** The field the term is looked for in: where it is most common. */
  field: SimilarField;
  score: number;
}

/** Lucene's ClassicSimilarity.idf, in single precision like Lucene. */
function classicIdf(docFreq: number, docCount: number): number {
  return Math.fround(Math.log((docCount + 1) / (docFreq + 1)) + 1);
}

/** Term frequencies of the like text, over its first maxTokensParsed tokens. */
export function likeTermFrequencies(text: string): Map<string, number> {
  const frequencies = new Map<string, number>();
  let parsed = 0;
  for (const token of analyzeWith(LIKE_ANALYZER, text)) {
    if (token.term === null) continue; // a stopword: never emitted by the analyzer
    if (++parsed > moreLikeThis.maxTokensParsed) break;
    frequencies.set(token.term, (frequencies.get(token.term) ?? 0) + 1);
  }
  return frequencies;
}

/** The draft's most salient terms, best first (at most maxQueryTerms). */
export function salientTerms(text: string, stats: TermStatistics): SalientTerm[] {
  const candidates: SalientTerm[] = [];
  for (const [term, tf] of likeTermFrequencies(text)) {
    if (tf < moreLikeThis.minTermFreq) continue;
    let field: SimilarField = similarFields[0];
    let docFreq = 0;
    for (const candidate of similarFields) {
      const freq = stats.documentFrequency(candidate, term);
      if (freq > docFreq) [field, docFreq] = [candidate, freq];
    }
    if (docFreq === 0 || docFreq < moreLikeThis.minDocFreq) continue;
    const score = Math.fround(tf * classicIdf(docFreq, stats.passageCount));
    candidates.push({ term, field, score });
  }
  // Lucene keeps the first of equal scores in hash order; alphabetical order makes ties stable.
  return candidates
    .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, moreLikeThis.maxQueryTerms);
}

/**
 * Clauses that must match out of `clauses`, as Elasticsearch computes a percentage
 * (Queries.calculateMinShouldMatch, in float); at least one, as in any OR.
 */
export function minimumShouldMatch(clauses: number): number {
  const percent = Number.parseInt(moreLikeThis.minimumShouldMatch, 10);
  const required = Math.trunc(Math.fround(Math.fround(clauses * percent) * Math.fround(1 / 100)));
  return Math.max(1, required);
}
