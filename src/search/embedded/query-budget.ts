// The time one search may take (rules.QUERY_TIME_BUDGET_MS). The evaluator calls tick() in its
// loops; past the deadline the search is abandoned with QueryTimeoutError, which the API answers
// with 503 and the reason, instead of holding the server.
import { QueryTimeoutError } from '../query-bounds.ts';
import { QUERY_TIME_BUDGET_MS } from '../rules.ts';

const CHECK_EVERY = 4096;

export class QueryBudget {
  private readonly deadline: number;
  private count = 0;

  constructor(milliseconds: number = QUERY_TIME_BUDGET_MS) {
    this.deadline = performance.now() + milliseconds;
  }

  /** Counts `work` units; checks the clock every few thousand. */
  tick(work = 1): void {
    this.count += work;
    if (this.count < CHECK_EVERY) return;
    this.count = 0;
    if (performance.now() > this.deadline) throw new QueryTimeoutError();
  }
}
