// How cost grows with the corpus: the dekamer corpus replicated ×1, ×4, ×10 (distinct ids per
// copy), index time and query latency at each size. A size whose estimated index time (from the
// previous size, assuming linear growth) exceeds the budget is reported as not run, with why.
import type { DocumentRecord } from '../src/model/document.ts';
import type { SearchBackend } from '../src/search/backend.ts';
import { prepared, throughput, type Throughput } from './indexing.ts';
import { measureApi, querySetFor, type QueryLatency } from './queries.ts';
import { round, timed } from './stats.ts';

/** Rounds of the query set at each larger size (×1 has the benchmark's full --rounds). */
export const GROWTH_ROUNDS = 5;

export type GrowthStep =
  | { factor: number; indexing: Throughput; queries: QueryLatency }
  | { factor: number; skipped: string };

export async function measureGrowth(
  open: () => Promise<SearchBackend>,
  documents: readonly DocumentRecord[],
  factors: number[],
  options: {
    rounds: number;
    budgetMs: number;
    /** Indexing time per passage measured at a smaller size, for the budget estimate. */
    msPerPassage: number;
  },
): Promise<GrowthStep[]> {
  const steps: GrowthStep[] = [];
  let { msPerPassage } = options;
  for (const factor of factors) {
    const passages = factor * documents.reduce((sum, d) => sum + d.passages.length, 0);
    const estimateMs = msPerPassage * passages;
    if (estimateMs > options.budgetMs) {
      steps.push({
        factor,
        skipped: `not run: ${passages} passages would take about ${round(estimateMs / 1000, 0)} s to index at the rate of the previous size, over the ${options.budgetMs / 1000} s budget`,
      });
      continue;
    }
    const backend = await open();
    try {
      const { ms, result } = await timed(() =>
        backend.index(prepared(documents, factor)(), { mode: 'rebuild' }),
      );
      if (result.failures.length > 0) throw new Error(`×${factor}: indexing failures`);
      msPerPassage = ms / result.passages;
      const queries = await measureApi(backend, await querySetFor(backend), options.rounds);
      steps.push({
        factor,
        indexing: throughput(result.documents, result.passages, [ms]),
        queries,
      });
    } finally {
      await backend.clear();
      await backend.close();
    }
  }
  return steps;
}
