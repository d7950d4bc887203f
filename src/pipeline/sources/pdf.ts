// Source: the PDF of a written question, read into lines by a worker thread (./pdf-lines.ts) and
// parsed like a text export.
import type { Piscina } from 'piscina';
import { workerPool } from '../../worker-threads.ts';
import type { DraftDocument } from '../draft.ts';
import { PDF_TIME_BUDGET_MS } from './pdf-budget.ts';
import { writtenQuestionDocument } from './text-export.ts';

// One thread: files are read one after another; it exits soon after the last PDF of a run.
let pool: Piscina<string, string[]> | undefined;

/** pdfLines in a worker thread, stopped and reported once it takes longer than budgetMs. */
async function pdfLinesWithin(file: string, budgetMs: number): Promise<string[]> {
  pool ??= workerPool('pdf-worker', { threads: 1, idleTimeoutMs: 1_000 });
  const budget = AbortSignal.timeout(budgetMs);
  try {
    return await pool.run(file, { signal: budget });
  } catch (error) {
    if (!budget.aborted) throw error;
    throw new Error(`reading took longer than ${budgetMs / 1000} s; skipped`, { cause: error });
  }
}

export async function readPdf(
  file: string,
  source: string,
  budgetMs = PDF_TIME_BUDGET_MS,
): Promise<DraftDocument> {
  const lines = await pdfLinesWithin(file, budgetMs);
  if (!lines.some((line) => line.trim())) throw new Error('no text in PDF (scanned image?)');
  return writtenQuestionDocument(lines, file, source);
}
