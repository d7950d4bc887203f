// Completion of drafts (complete-document.ts) in this thread or in worker threads. With workers, a
// few drafts are completed ahead while the reader goes on, and results come back in reading order,
// so a run's output is the same either way.
import type { Piscina } from 'piscina';
import type { DocumentRecord } from '../model/document.ts';
import { workerPool } from '../worker-threads.ts';
import { completeDocument } from './complete-document.ts';
import type { DraftDocument, SourceResult } from './draft.ts';

/** A source result with its draft completed, or the reason completing it failed. */
export type CompletedResult =
  | { ok: true; draft: DraftDocument; completed: { ok: true; document: DocumentRecord } }
  | { ok: true; draft: DraftDocument; completed: { ok: false; reason: string } }
  | { ok: false; file: string; reason: string };

/** Drafts in flight per worker thread: enough to keep a thread busy while results are taken. */
const AHEAD_PER_THREAD = 8;

async function settle(
  draft: DraftDocument,
  document: Promise<DocumentRecord>,
): Promise<CompletedResult> {
  try {
    return { ok: true, draft, completed: { ok: true, document: await document } };
  } catch (error) {
    return { ok: true, draft, completed: { ok: false, reason: (error as Error).message } };
  }
}

/** Completes each draft of `results` in this thread (threads 0) or in a pool of `threads`. */
export async function* completedInOrder(
  results: AsyncIterable<SourceResult>,
  threads: number,
): AsyncGenerator<CompletedResult> {
  if (threads <= 0) {
    for await (const result of results) {
      yield result.ok
        ? await settle(result.draft, (async () => completeDocument(result.draft))())
        : result;
    }
    return;
  }
  const pool: Piscina<DraftDocument, DocumentRecord> = workerPool('complete-worker', {
    threads,
    idleTimeoutMs: 1_000,
  });
  const pending: Promise<CompletedResult>[] = [];
  try {
    for await (const result of results) {
      pending.push(
        result.ok ? settle(result.draft, pool.run(result.draft)) : Promise.resolve(result),
      );
      if (pending.length >= threads * AHEAD_PER_THREAD) yield await pending.shift()!;
    }
    while (pending.length > 0) yield await pending.shift()!;
  } finally {
    await pool.destroy();
  }
}
