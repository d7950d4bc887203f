// Text analysis for POST /api/analyze in worker threads (piscina), so the server keeps answering
// while a large text is analysed: 100,000 Han characters take 1–4 s. A bounded number of requests
// may wait; past that, or past the time limit, the request answers 503 with the reason.
import { availableParallelism } from 'node:os';
import type { Piscina } from 'piscina';
import { workerPool } from '../worker-threads.ts';
import { HttpError } from './errors.ts';

export interface AnalysisPoolOptions {
  /** Worker threads: one core stays free for the server's own thread. */
  threads?: number;
  /** Requests that may wait for a thread once all are busy. */
  queue?: number;
  /** Time a request may take, waiting included; the worker running it is stopped after it. */
  timeLimitMs?: number;
}

export const ANALYSIS_TIME_LIMIT_MS = 20_000;

export class AnalysisPool {
  private readonly pool: Piscina<string, string>;
  private readonly capacity: number;
  private readonly timeLimitMs: number;
  private inFlight = 0;

  constructor({
    threads = Math.max(1, Math.min(4, availableParallelism() - 1)),
    queue = 4 * threads,
    timeLimitMs = ANALYSIS_TIME_LIMIT_MS,
  }: AnalysisPoolOptions = {}) {
    // A thread keeps its loaded entity model for the next request a minute.
    this.pool = workerPool('analysis-worker', { threads, idleTimeoutMs: 60_000 });
    this.capacity = threads + queue;
    this.timeLimitMs = timeLimitMs;
  }

  /** The analysis (analyzeText) of text as JSON. */
  async analyzeToJson(text: string): Promise<string> {
    if (this.inFlight >= this.capacity) {
      throw new HttpError(
        'server_busy',
        'De server analyseert al zoveel teksten als hij aankan; probeer het zo opnieuw.',
      );
    }
    this.inFlight++;
    const timeLimit = AbortSignal.timeout(this.timeLimitMs);
    try {
      return await this.pool.run(text, { signal: timeLimit });
    } catch (error) {
      if (!timeLimit.aborted) throw error;
      throw new HttpError(
        'time_limit_exceeded',
        `De analyse duurde langer dan ${this.timeLimitMs / 1000} s en is gestopt; analyseer een kortere tekst.`,
      );
    } finally {
      this.inFlight--;
    }
  }

  close(): Promise<void> {
    return this.pool.close({ force: true });
  }
}
