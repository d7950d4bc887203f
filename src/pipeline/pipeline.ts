// parseDocuments: every document in the given files and directories, from any supported source,
// complete with passages, language and entities — streamed one at a time. A file (or line) that
// cannot be read is reported in the stream and the rest goes on.
import path from 'node:path';
import type { DocumentRecord } from '../model/document.ts';
import { completedInOrder } from './completion.ts';
import type { SourceResult } from './draft.ts';
import { findSourceFiles, type SourceFile } from './source-files.ts';
import { readDekamer } from './sources/dekamer.ts';
import { readPdf } from './sources/pdf.ts';
import { readTextExport } from './sources/text-export.ts';

export type ParseResult =
  { ok: true; document: DocumentRecord } | { ok: false; file: string; reason: string };

export interface ParseProgress {
  bytesRead: number;
  bytesTotal: number;
  documents: number;
  failures: number;
}

export interface ParseOptions {
  /** Called after each result; bytes count the files' size on disk (compressed for .gz). */
  onProgress?: (progress: ParseProgress) => void;
  /** Time one PDF may take to read before it is reported and skipped (default PDF_TIME_BUDGET_MS, VRAAGBAAK_PDF_TIME_BUDGET). */
  pdfTimeBudgetMs?: number;
  /**
   * Worker threads that complete documents (language, entities) while this thread reads on;
   * 0 (the default) completes them here. Results come in the same order either way.
   */
  completionThreads?: number;
}

/**
 * How a document names its file: relative to the working directory when inside it, else by its
 * file name alone, so that no machine path reaches the index or the API. (Failures name the path
 * as given: they go to the person running the command.)
 */
function sourceName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(file) : relative;
}

async function* readSource(
  file: SourceFile,
  onBytesRead: (bytes: number) => void,
  pdfTimeBudgetMs: number | undefined,
): AsyncGenerator<SourceResult> {
  const source = sourceName(file.path);
  if (file.kind === 'dekamer') {
    yield* readDekamer(file.path, source, onBytesRead);
    return;
  }
  try {
    const draft =
      file.kind === 'pdf'
        ? await readPdf(file.path, source, pdfTimeBudgetMs)
        : await readTextExport(file.path, source);
    yield { ok: true, draft };
  } catch (error) {
    yield { ok: false, file: file.path, reason: (error as Error).message };
  }
  onBytesRead(file.size);
}

export async function* parseDocuments(
  paths: readonly string[],
  options: ParseOptions = {},
): AsyncGenerator<ParseResult> {
  const files: SourceFile[] = [];
  const progress: ParseProgress = { bytesRead: 0, bytesTotal: 0, documents: 0, failures: 0 };
  const report = (result: ParseResult) => {
    if (result.ok) progress.documents++;
    else progress.failures++;
    options.onProgress?.({ ...progress });
    return result;
  };
  for await (const found of findSourceFiles(paths)) {
    if (found.ok) {
      files.push(found.file);
      progress.bytesTotal += found.file.size;
    } else {
      yield report(found);
    }
  }
  // Within one run an id names one document: a second document with it is reported, not indexed
  // over the first (which would silently keep only whichever came last).
  const firstSource = new Map<string, string>();
  async function* sourceResults(): AsyncGenerator<SourceResult> {
    for (const file of files) {
      yield* readSource(file, (bytes) => (progress.bytesRead += bytes), options.pdfTimeBudgetMs);
    }
  }
  for await (const result of completedInOrder(sourceResults(), options.completionThreads ?? 0)) {
    if (!result.ok) {
      yield report(result);
      continue;
    }
    if (!result.completed.ok) {
      yield report({ ok: false, file: result.draft.source, reason: result.completed.reason });
      continue;
    }
    const document = result.completed.document;
    const first = firstSource.get(document.id);
    if (first !== undefined) {
      const reason = `duplicate document id ${document.id} (first read from ${first}); skipped`;
      yield report({ ok: false, file: result.draft.source, reason });
      continue;
    }
    firstSource.set(document.id, result.draft.source);
    yield report({ ok: true, document });
  }
}
