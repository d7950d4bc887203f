// Indexing throughput: documents and passages per second into a backend, median of several runs,
// each run into an empty index (a fresh embedded store, an Elasticsearch rebuild).
import type { DocumentRecord } from '../src/model/document.ts';
import type { SearchBackend } from '../src/search/backend.ts';
import { replicated } from './corpus.ts';
import { median, round, timed } from './stats.ts';

export interface Throughput {
  documents: number;
  passages: number;
  runsMs: number[];
  medianMs: number;
  documentsPerSecond: number;
  passagesPerSecond: number;
}

export function throughput(documents: number, passages: number, runsMs: number[]): Throughput {
  const medianMs = median(runsMs);
  return {
    documents,
    passages,
    runsMs: runsMs.map((ms) => round(ms)),
    medianMs: round(medianMs),
    documentsPerSecond: round(documents / (medianMs / 1000)),
    passagesPerSecond: round(passages / (medianMs / 1000)),
  };
}

/** Indexes `source()` into a fresh backend `runs` times; the last backend stays open and filled. */
export async function measureIndexing(
  open: () => Promise<SearchBackend>,
  source: () => AsyncIterable<DocumentRecord>,
  runs: number,
): Promise<{ result: Throughput; backend: SearchBackend }> {
  const runsMs: number[] = [];
  let backend: SearchBackend | null = null;
  let documents = 0;
  let passages = 0;
  for (let run = 0; run < runs; run++) {
    await backend?.close();
    backend = await open();
    const opened = backend;
    const { ms, result } = await timed(() => opened.index(source(), { mode: 'rebuild' }));
    if (result.failures.length > 0) {
      throw new Error(`${opened.name}: ${result.failures.length} documents failed to index`);
    }
    runsMs.push(ms);
    documents = result.documents;
    passages = result.passages;
  }
  return { result: throughput(documents, passages, runsMs), backend: backend! };
}

export const prepared =
  (documents: readonly DocumentRecord[], times = 1) =>
  () =>
    replicated(documents, times);
