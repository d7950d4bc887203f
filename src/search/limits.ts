// Bounds on the work one query may ask for, shared by the query parser, the HTTP API and both
// engines (dependency-free so any module can import it). Elasticsearch has the same kind of
// bounds (indices.query.bool.max_clause_count, fuzzy_max_expansions); these keep one request from
// occupying a server that answers many.

/** Terms, prefixes, fuzzy terms and phrases in one query (`a b | c` has three). */
export const MAX_QUERY_CLAUSES = 64;
/** Prefix (`subsid*`) and fuzzy (`subsidie~2`) clauses in one query: each expands to many terms. */
export const MAX_EXPANDING_CLAUSES = 10;
/** Terms one prefix or fuzzy clause expands to (Elasticsearch's fuzzy_max_expansions default). */
export const MAX_EXPANSIONS = 50;
/** Largest phrase slop (`"a b"~5`); a sloppier phrase is hardly a phrase any more. */
export const MAX_PHRASE_SLOP = 100;

/** A query that asks for more work than these bounds allow: the client's to fix (HTTP 400). */
export class QueryLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryLimitError';
  }
}
