// The bounds on one query's syntax (./rules.ts), checked the same way before either engine runs
// it: at most MAX_CLAUSES leaves (terms, prefixes, phrases) and a slop of at most MAX_SLOP. A query
// beyond them is answered 400 with the reason instead of being run.
import { parseQuery, type QueryNode } from './query-syntax.ts';
import { MAX_CLAUSES, MAX_SLOP } from './rules.ts';

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
