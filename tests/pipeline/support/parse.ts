// Helpers for the pipeline tests: where the seeds and the shared data are, and the whole
// parseDocuments stream collected into documents and failures.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentRecord, Passage } from '../../../src/model/document.ts';
import { parseDocuments, type ParseOptions } from '../../../src/pipeline/pipeline.ts';
import { sharedDir } from '../../../tooling/shared-data.ts';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export { sharedDir };
export const seedsDir = path.join(repoRoot, 'seeds');
export const dekamerFile = path.join(sharedDir, 'corpus/dekamer-2017.jsonl.gz');

export const seedFile = (stem: string) => path.join(seedsDir, `${stem}.txt`);

export async function parseAll(paths: string[], options?: ParseOptions) {
  const documents: DocumentRecord[] = [];
  const failures: { file: string; reason: string }[] = [];
  for await (const result of parseDocuments(paths, options)) {
    if (result.ok) documents.push(result.document);
    else failures.push({ file: result.file, reason: result.reason });
  }
  return { documents, failures };
}

export async function parseOne(file: string): Promise<DocumentRecord> {
  const { documents, failures } = await parseAll([file]);
  if (failures.length || documents.length !== 1) {
    throw new Error(`expected one document from ${file}: ${JSON.stringify(failures)}`);
  }
  return documents[0] as DocumentRecord;
}

/** The passage of a type and number; fails the test with the passages present when missing. */
export function passage(
  document: DocumentRecord,
  type: Passage['type'],
  number: number | null,
): Passage {
  const found = document.passages.find((p) => p.type === type && p.number === number);
  if (!found) {
    const present = document.passages.map((p) => `${p.type} ${p.number}`).join(', ');
    throw new Error(`${document.id} has no ${type} ${number}; it has ${present}`);
  }
  return found;
}

/** "question 1", "answer 2", "context", … in document order. */
export const outline = (document: DocumentRecord) =>
  document.passages.map((p) => (p.number === null ? p.type : `${p.type} ${p.number}`));
