// The bounds on one query (./rules.ts), the same on both engines: its syntax is checked before
// either engine runs it (at most MAX_CLAUSES leaves — terms, prefixes, phrases — and a slop of at
// most MAX_SLOP; beyond them the API answers 400 with the reason), and a search that runs past
// QUERY_TIME_BUDGET_MS is stopped with QueryTimeoutError (503 with the reason).
import { BackendUnavailableError } from './backend.ts';
import { parseQuery, type QueryNode } from './query-syntax.ts';
import { MAX_CLAUSES, MAX_SLOP, QUERY_TIME_BUDGET_MS } from './rules.ts';

/** A BackendUnavailableError, so the API answers 503 with the reason. */
export class QueryTimeoutError extends BackendUnavailableError {
  constructor() {
    super(
      `the query took longer than ${QUERY_TIME_BUDGET_MS} ms and was stopped; make it narrower (fewer prefixes, fuzzy terms or alternatives)`,
    );
    this.name = 'QueryTimeoutError';
  }
}

export class QueryTooComplexError extends Error {
  readonly status = 400;
  readonly expose = true;
  constructor(message: string) {
    super(message);
    this.name = 'QueryTooComplexError';
  }
}

function leaves(node: QueryNode | null, visit: (leaf: QueryNode) => void): void {
  if (!node) return;
  if (node.kind === 'bool') node.clauses.forEach((c) => leaves(c, visit));
  else if (node.kind === 'not') leaves(node.node, visit);
  else if (node.kind !== 'all') visit(node);
}

/** Throws QueryTooComplexError when the query `q` exceeds the bounds. */
export function checkQueryBounds(q: string): void {
  let count = 0;
  leaves(parseQuery(q), (leaf) => {
    count++;
    if (leaf.kind === 'phrase' && leaf.slop > MAX_SLOP)
      throw new QueryTooComplexError(
        `a phrase's slop may be at most ${MAX_SLOP} (got ${leaf.slop})`,
      );
  });
  if (count > MAX_CLAUSES)
    throw new QueryTooComplexError(
      `the query has ${count} terms, prefixes and phrases; at most ${MAX_CLAUSES} are allowed`,
    );
}
