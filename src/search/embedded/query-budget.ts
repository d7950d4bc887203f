// The time one search may take (rules.QUERY_TIME_BUDGET_MS). The evaluator calls tick() in its
// loops; past the deadline the search is abandoned with QueryTimeoutError, which the API answers
// with 503 and the reason, instead of holding the server. Meanwhile the evaluator hands the event
// loop back every YIELD_AFTER_MS of work (yieldDue/yieldNow), so a health check or a cheap search
// is answered while an expensive one runs.
import { QueryTimeoutError } from '../query-bounds.ts';
import { QUERY_TIME_BUDGET_MS } from '../rules.ts';

const CHECK_EVERY = 4096;
/** Work between two turns of the event loop given to other requests. */
const YIELD_AFTER_MS = 10;

export class QueryBudget {
  private deadline: number;
  private count = 0;
  private lastYield = performance.now();

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

  /** Whether this search has held the event loop for YIELD_AFTER_MS (then await yieldNow()). */
  yieldDue(): boolean {
    return performance.now() - this.lastYield >= YIELD_AFTER_MS;
  }

  /**
   * Lets pending I/O and timers run (one turn of the event loop). The budget is this search's own
   * working time: the time other requests took meanwhile moves the deadline on, so under many
   * concurrent searches none is stopped for waiting its turn.
   */
  async yieldNow(): Promise<void> {
    const paused = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    this.lastYield = performance.now();
    this.deadline += this.lastYield - paused;
  }
}
