// The corpora as tests read them: through the real pipeline, failing the test on any bad file.
import path from 'node:path';
import type { DocumentRecord } from '../../src/model/document.ts';
import { parseDocuments } from '../../src/pipeline/pipeline.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');
export const DEKAMER = sharedPath('corpus', 'dekamer-2017.jsonl.gz');

/** Every document of the given paths; a file that fails to parse fails the test. */
export async function parseAll(paths: string[]): Promise<DocumentRecord[]> {
  const documents: DocumentRecord[] = [];
  for await (const result of parseDocuments(paths)) {
    if (!result.ok) throw new Error(`${result.file}: ${result.reason}`);
    documents.push(result.document);
  }
  return documents;
}

export async function* stream<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
