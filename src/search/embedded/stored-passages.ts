// The stored passages of a segment, decoded only for the hits shown: each passage's own fields as
// JSON, and its document's fields (title, date, themes, asker… which toIndexedPassages copies onto
// every passage) as JSON once per document, shared by the document's passages.
import type { IndexedPassage } from '../indexed-passage.ts';
import { GrowableArray } from './growable-array.ts';

/** The fields a passage takes from its document. */
const documentKeys = [
  'documentNumber',
  'source',
  'pdfUrl',
  'title',
  'date',
  'year',
  'themes',
  'asker',
  'party',
  'minister',
  'ministerOffice',
] as const satisfies readonly (keyof IndexedPassage)[];

export interface StoredPassages {
  /** Passage d's own fields: bytes[starts[d] … starts[d + 1] − 1] (JSON, UTF-8). */
  starts: Uint32Array;
  bytes: Uint8Array;
  /** Passage d's document fields are row documentRows[d] of documentStarts/documentBytes. */
  documentRows: Int32Array;
  documentStarts: Uint32Array;
  documentBytes: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** JSON rows: row r is bytes[starts[r] … starts[r + 1] − 1]. */
class JsonRows {
  private readonly starts = new GrowableArray(Uint32Array);
  private readonly bytes = new GrowableArray(Uint8Array);

  constructor() {
    this.starts.push(0);
  }

  get count(): number {
    return this.starts.length - 1;
  }

  add(json: string): void {
    this.bytes.append(encoder.encode(json));
    this.starts.push(this.bytes.length);
  }

  seal(): { starts: Uint32Array; bytes: Uint8Array } {
    return { starts: this.starts.seal(), bytes: this.bytes.seal() };
  }
}

const isDocumentKey = new Set<string>(documentKeys);

export class StoredPassagesWriter {
  private readonly passages = new JsonRows();
  private readonly documents = new JsonRows();
  private readonly documentRows = new GrowableArray(Int32Array);
  private lastPassage: IndexedPassage | null = null;
  private lastDocument = '';

  add(passage: IndexedPassage): void {
    // A document's passages come together, so comparing with the last one finds its row; they
    // share its field values (the same strings and arrays), so mostly without serialising them.
    const last = this.lastPassage;
    if (last === null || documentKeys.some((key) => passage[key] !== last[key])) {
      const shared: Record<string, unknown> = {};
      for (const key of documentKeys) shared[key] = passage[key];
      const document = JSON.stringify(shared);
      if (document !== this.lastDocument) {
        this.documents.add(document);
        this.lastDocument = document;
      }
    }
    this.lastPassage = passage;
    this.documentRows.push(this.documents.count - 1);
    const own: Record<string, unknown> = {};
    for (const key of Object.keys(passage))
      if (!isDocumentKey.has(key)) own[key] = passage[key as keyof IndexedPassage];
    this.passages.add(JSON.stringify(own));
  }

  seal(): StoredPassages {
    const passages = this.passages.seal();
    const documents = this.documents.seal();
    return {
      starts: passages.starts,
      bytes: passages.bytes,
      documentRows: this.documentRows.seal(),
      documentStarts: documents.starts,
      documentBytes: documents.bytes,
    };
  }
}

const row = (starts: Uint32Array, bytes: Uint8Array, r: number): unknown =>
  JSON.parse(decoder.decode(bytes.subarray(starts[r]!, starts[r + 1]!)));

type DocumentKey = (typeof documentKeys)[number];
/** The fields a passage has of its own. */
export type OwnFields = Omit<IndexedPassage, DocumentKey>;
/** The fields a passage takes from its document. */
export type DocumentFields = Pick<IndexedPassage, DocumentKey>;

/** Passage `doc`'s own fields as they were stored. */
export const ownFields = (stored: StoredPassages, doc: number) =>
  row(stored.starts, stored.bytes, doc) as OwnFields;

/** The row of passage `doc`'s document fields: the same for every passage of the document. */
export const documentRow = (stored: StoredPassages, doc: number) => stored.documentRows[doc]!;

/** Passage `doc`'s document fields as they were stored. */
export const documentFields = (stored: StoredPassages, doc: number) =>
  row(stored.documentStarts, stored.documentBytes, documentRow(stored, doc)) as DocumentFields;

/** Passage `doc` as it was stored. */
export function storedPassage(stored: StoredPassages, doc: number): IndexedPassage {
  // Into the freshly parsed object: copying both into a new one by spreading took 4× as long.
  return Object.assign(ownFields(stored, doc), documentFields(stored, doc));
}
