// The benchmark corpus: the federal dekamer questions through the real pipeline, held in memory
// once, and replicated with suffixed ids for the growth series (×4 is four distinct copies).
import path from 'node:path';
import type { DocumentRecord } from '../src/model/document.ts';
import { parseDocuments } from '../src/pipeline/pipeline.ts';
import { sharedDir } from '../tooling/shared-data.ts';

export const SHARED_DIR = sharedDir;
export const DEKAMER_PATH = path.join(SHARED_DIR, 'corpus', 'dekamer-2017.jsonl.gz');

export interface Corpus {
  documents: DocumentRecord[];
  passages: number;
  /** Files or records the pipeline refused, with its reason. */
  failures: { file: string; reason: string }[];
}

export async function loadCorpus(paths: string[] = [DEKAMER_PATH]): Promise<Corpus> {
  const documents: DocumentRecord[] = [];
  const failures: Corpus['failures'] = [];
  for await (const result of parseDocuments(paths)) {
    if (result.ok) documents.push(result.document);
    else failures.push({ file: result.file, reason: result.reason });
  }
  const passages = documents.reduce((sum, document) => sum + document.passages.length, 0);
  return { documents, passages, failures };
}

/** The pipeline's good documents, streamed as it produces them (what `vraagbaak index` feeds). */
export async function* pipelineDocuments(
  paths: string[] = [DEKAMER_PATH],
): AsyncIterable<DocumentRecord> {
  for await (const result of parseDocuments(paths)) if (result.ok) yield result.document;
}

/** Copy `copy` of a document: every id (document, passage, question link) gets the same suffix. */
function copyOf(document: DocumentRecord, copy: number): DocumentRecord {
  if (copy === 0) return document;
  const suffix = (id: string) => `${id}~${copy}`;
  return {
    ...document,
    id: suffix(document.id),
    passages: document.passages.map((passage) => ({
      ...passage,
      id: suffix(passage.id),
      documentId: suffix(passage.documentId),
      questionId: passage.questionId === null ? null : suffix(passage.questionId),
    })),
  };
}

/** The corpus `times` over, streamed: copies are made as the consumer pulls, not held at once. */
export async function* replicated(
  documents: readonly DocumentRecord[],
  times: number,
): AsyncIterable<DocumentRecord> {
  for (let copy = 0; copy < times; copy++) {
    for (const document of documents) yield copyOf(document, copy);
  }
}
