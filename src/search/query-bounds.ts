// The bounds on one query's work (./rules.ts), checked the same way before either engine runs it:
// at most MAX_CLAUSES leaves (terms, prefixes, fuzzy terms, phrases), MAX_EXPANDING_CLAUSES of them
// prefixes or fuzzy terms, and a slop of at most MAX_SLOP. A query beyond them is answered 400
// with the reason instead of being run; one that runs past the time budget, 503.
import { SearchError } from './search-error.ts';
import { BackendUnavailableError } from './backend.ts';
import { parseQuery, type QueryLeaf, type QueryNode } from './query-syntax.ts';
import { MAX_CLAUSES, MAX_EXPANDING_CLAUSES, MAX_SLOP, QUERY_TIME_BUDGET_MS } from './rules.ts';

/** A query that asks for more work than the bounds allow: the client's to fix (HTTP 400). */
export class QueryLimitError extends SearchError {
  constructor(violation: string) {
    super('invalid_parameter', `Deze zoekvraag vraagt te veel werk: ${violation}.`, {
      parameter: 'q',
      message: violation,
    });
    this.name = 'QueryLimitError';
  }
}

/** A search that ran past QUERY_TIME_BUDGET_MS; a BackendUnavailableError, so the API answers 503. */
export class QueryTimeoutError extends BackendUnavailableError {
  constructor() {
    super(
      `the query took longer than ${QUERY_TIME_BUDGET_MS} ms and was stopped; make it narrower (fewer prefixes, fuzzy terms or alternatives)`,
    );
    this.name = 'QueryTimeoutError';
  }
}

function leaves(node: QueryNode | null): QueryLeaf[] {
  if (node === null || node.kind === 'all') return [];
  if (node.kind === 'bool') return node.clauses.flatMap(leaves);
  if (node.kind === 'not') return leaves(node.node);
  return [node];
}

/** Why (in Dutch, shown to the user) the query `q` asks for more work than the bounds allow, or null when it does not. */
export function queryLimitViolation(q: string): string | null {
  const parsed = leaves(parseQuery(q));
  if (parsed.length > MAX_CLAUSES)
    return `de zoekvraag heeft ${parsed.length} woorden, voorvoegsels en woordgroepen; hoogstens ${MAX_CLAUSES} zijn toegestaan`;
  const expanding = parsed.filter(
    (leaf) => leaf.kind === 'prefix' || (leaf.kind === 'term' && leaf.fuzziness > 0),
  );
  if (expanding.length > MAX_EXPANDING_CLAUSES)
    return `de zoekvraag heeft ${expanding.length} voorvoegsels (woord*) en fuzzy zoektermen (woord~); hoogstens ${MAX_EXPANDING_CLAUSES} zijn toegestaan`;
  const slop = Math.max(0, ...parsed.map((leaf) => (leaf.kind === 'phrase' ? leaf.slop : 0)));
  if (slop > MAX_SLOP) return `woordgroep-slop ${slop} is meer dan het maximum ${MAX_SLOP}`;
  return null;
}

/** Throws QueryLimitError when the query `q` exceeds the bounds. */
export function checkQueryBounds(q: string): void {
  const violation = queryLimitViolation(q);
  if (violation !== null) throw new QueryLimitError(violation);
}
