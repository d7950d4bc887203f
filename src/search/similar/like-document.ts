// Documents like a document: what the document asks (its title, preamble and questions) is the
// draft; its answers are left out, since the question is what would be asked again.
import type { DocumentRecord } from '../../model/document.ts';
import type { SearchBackend } from '../backend.ts';
import {
  MAX_SIMILAR_TEXT_LENGTH,
  SimilarQuery,
  type SimilarQueryInput,
  type SimilarResult,
} from './similar-query.ts';

export function likeText(document: DocumentRecord): string {
  const asked = document.passages
    .filter((p) => p.type === 'question' || p.type === 'context')
    .sort((a, b) => a.position - b.position)
    .map((p) => p.text);
  // A document whose questions were not recognised still has its whole text to go by.
  const parts = asked.length > 0 ? asked : document.passages.map((p) => p.text);
  // A very long document is cut to the length a draft may have (the terms come from its start).
  return [document.title ?? '', ...parts].join('\n\n').trim().slice(0, MAX_SIMILAR_TEXT_LENGTH);
}

export class UnknownDocumentError extends Error {
  constructor(readonly documentId: string) {
    super(`no document with id ${documentId}`);
    this.name = 'UnknownDocumentError';
  }
}

/** The documents most like the given one, the document itself left out. */
export async function similarToDocument(
  backend: SearchBackend,
  documentId: string,
  options: Omit<SimilarQueryInput, 'text' | 'excludeDocument'> = {},
): Promise<SimilarResult> {
  const document = await backend.getDocument(documentId);
  if (!document) throw new UnknownDocumentError(documentId);
  const text = likeText(document);
  if (text === '') return { total: 0, tookMs: 0, hits: [] };
  return backend.similar(SimilarQuery.parse({ ...options, text, excludeDocument: documentId }));
}
