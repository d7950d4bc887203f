// Rules both engines must apply identically, in one dependency-free module that the embedded engine
// and the Elasticsearch request builder read (neither restates them): which fields the text is
// matched against and their boosts, highlight fragments, sort positions, paging bounds, facet and
// suggestion order, and the bounds on the work one query may cause.
import { facetNames, type FacetName } from '../model/facets.ts';

export { facetNames, type FacetName };

/** Fields the user's text is matched against (most_fields: per-field scores summed), with boosts. */
export const textFieldBoosts = { text: 1, title: 2 } as const;
export type TextField = keyof typeof textFieldBoosts;
export const textFieldNames = Object.keys(textFieldBoosts) as TextField[];

/** Highlight fragments: at most this many, of about this many characters (also the no-match size). */
export const FRAGMENT_SIZE = 160;
export const MAX_FRAGMENTS = 3;

/** Where undated passages sort under sort=date (descending): as if dated 0001-01-01, so last. */
export const UNDATED_SORT_DATE = '0001-01-01';

/** Hits reachable with page/size (Elasticsearch's index.max_result_window); beyond it, page with `after`. */
export const MAX_RESULT_WINDOW = 10_000;

/** A result has a next page (a cursor) only while fewer hits than the total were shown. */
export const hasNextPage = (seen: number, total: number) => seen < total;

/** Values listed per facet unless `facetSizes` asks for more (the histogram has every year). */
export const FACET_SIZE = 20;
/** The most values one facet lists (a facet's value list on the page; Elasticsearch's max_buckets bounds the sum). */
export const MAX_FACET_SIZE = 5_000;

/** Facet values and suggestions: most frequent first, ties by value (code-unit order). */
export function byCountThenValue(
  a: { value: string; count: number },
  b: { value: string; count: number },
): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

/** Suggestion kinds in the order their columns are interleaved (each kind gets a place in turn). */
export const suggestionKinds = ['organisation', 'minister', 'asker', 'title'] as const;

/** Takes the first value of each column in turn, skipping values already taken, up to `limit`. */
export function interleave<T extends { value: string }>(columns: T[][], limit: number): T[] {
  const result: T[] = [];
  const seen = new Set<string>();
  for (let row = 0; result.length < limit && columns.some((c) => row < c.length); row++) {
    for (const column of columns) {
      const item = column[row];
      if (!item || seen.has(item.value) || result.length >= limit) continue;
      seen.add(item.value);
      result.push(item);
    }
  }
  return result;
}

// Bounds on one query's work (Elasticsearch's defaults where it has one), so no request can hold
// the server: the query syntax is checked against them before either engine runs it.
/** Terms one fuzzy term expands to (simple_query_string's fuzzy_max_expansions default). */
export const FUZZY_MAX_EXPANSIONS = 50;
/** Leaf clauses of one query (indices.query.bool.max_clause_count is larger; 500 characters of
 *  query never need more). */
export const MAX_CLAUSES = 64;
/** Prefix (`subsid*`) and fuzzy (`subsidie~2`) leaves of one query: each expands to many terms. */
export const MAX_EXPANDING_CLAUSES = 10;
/** Largest slop of a "phrase"~N. */
export const MAX_SLOP = 50;
/** Largest edit distance of a fuzzy term (Lucene's maximum). */
export const MAX_FUZZINESS = 2;
/** Time one search may take before it is abandoned with a 503. */
export const QUERY_TIME_BUDGET_MS = 2_000;
/** Plain words of one query that get compound and spelling alternatives (./compound-variants.ts):
 *  each adds a few leaves, so a long pasted text stays within the work a short query causes. */
export const MAX_COMPOUND_VARIANT_WORDS = 8;
