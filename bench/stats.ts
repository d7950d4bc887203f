// Summaries of repeated measurements: the median of whole runs, and latency percentiles from
// Node's own HDR histogram (perf_hooks), so no percentile arithmetic is hand-rolled here.
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Collects durations (milliseconds, any precision) and reports percentiles in milliseconds. */
export class LatencyRecorder {
  private readonly histogram: RecordableHistogram = createHistogram();

  /** Times one call of `task` and records it. */
  async time<T>(task: () => Promise<T>): Promise<T> {
    const start = process.hrtime.bigint();
    try {
      return await task();
    } finally {
      // The histogram stores integers ≥ 1: record microseconds.
      this.histogram.record(Math.max(1, Number((process.hrtime.bigint() - start) / 1000n)));
    }
  }

  summary(): Latency {
    const ms = (percentile: number) => round(this.histogram.percentile(percentile) / 1000, 2);
    return { count: this.histogram.count, p50: ms(50), p95: ms(95), p99: ms(99) };
  }
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Elapsed milliseconds of one run of `task`, with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await task();
  return { ms: performance.now() - start, result };
}
