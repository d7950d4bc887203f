// The embedded index: immutable segments (./segment.ts) with tombstones, as in Lucene. An upsert
// seals the new passages into a segment and marks the passages they replace as deleted in the older
// segments; a new EmbeddedIndex value is made for each change, so a search keeps the one it started
// on. When segments pile up they are merged from their forward index (no analysis). BM25 statistics
// are taken over the live passages only. Passages are numbered globally: segment base + local id.
import type { IndexedPassage } from '../indexed-passage.ts';
import type { FieldStatistics } from './bm25.ts';
import { ForwardReader } from './forward-index.ts';
import { storedPassage } from './stored-passages.ts';
import { SegmentBuilder, type AnalysedPassage, type Dictionaries } from './segment-builder.ts';
import {
  indexFields,
  keywordColumns,
  type IndexField,
  type KeywordColumn,
  type Segment,
} from './segment.ts';
import { ValueDictionary } from './value-dictionary.ts';

/** Segments beyond this count are merged into one. */
const MAX_SEGMENTS = 8;

let versions = 0;

export const emptyDictionaries = (): Dictionaries =>
  Object.fromEntries(
    keywordColumns.map((column) => [column, new ValueDictionary()]),
  ) as Dictionaries;

export class EmbeddedIndex {
  /** Changes with every new index value (cache key for match-all facet counts). */
  readonly version = ++versions;
  readonly bases: number[] = [];
  readonly maxDoc: number;
  readonly liveCount: number;
  /** Per segment: how many of its passages are deleted. */
  readonly deletedCounts: number[] = [];
  readonly stats = {} as Record<IndexField, FieldStatistics>;
  /** Live passages per document id, as global passage numbers in index order. */
  private readonly documents = new Map<string, number[]>();
  /** Memo of derived data that lives as long as this index value (facet counts, suggestions). */
  readonly memo = new Map<string, unknown>();

  constructor(
    readonly segments: Segment[],
    /** Per segment: 1 for a deleted passage. */
    readonly deleted: Uint8Array[],
    readonly dictionaries: Dictionaries,
  ) {
    let base = 0;
    for (const segment of segments) {
      this.bases.push(base);
      base += segment.size;
    }
    this.maxDoc = base;
    for (const field of indexFields) this.stats[field] = { docCount: 0, sumTotalTermFreq: 0 };
    let live = 0;
    const documentIds = dictionaries.document.values;
    segments.forEach((segment, s) => {
      const dead = deleted[s]!;
      const { starts, values } = segment.keywords.document;
      const liveBefore = live;
      for (let doc = 0; doc < segment.size; doc++) {
        if (dead[doc]) continue;
        live++;
        for (const field of indexFields) {
          const length = segment.fields[field].lengths[doc]!;
          if (length === 0) continue;
          this.stats[field].docCount++;
          this.stats[field].sumTotalTermFreq += length;
        }
        const documentId = documentIds[values[starts[doc]!]!]!;
        let list = this.documents.get(documentId);
        if (!list) this.documents.set(documentId, (list = []));
        list.push(this.bases[s]! + doc);
      }
      this.deletedCounts.push(segment.size - (live - liveBefore));
    });
    this.liveCount = live;
  }

  static empty(): EmbeddedIndex {
    return new EmbeddedIndex([], [], emptyDictionaries());
  }

  get documentCount(): number {
    return this.documents.size;
  }

  /** The segment holding global passage `doc` and its local id. */
  locate(doc: number): [Segment, number, number] {
    let s = this.segments.length - 1;
    while (s > 0 && this.bases[s]! > doc) s--;
    return [this.segments[s]!, doc - this.bases[s]!, s];
  }

  passage(doc: number): IndexedPassage {
    const [segment, local] = this.locate(doc);
    return storedPassage(segment.stored, local);
  }

  passageId(doc: number): string {
    const [segment, local] = this.locate(doc);
    return segment.ids[local]!;
  }

  /** The live passage numbers of a document, in index order. */
  documentDocs(documentId: string): readonly number[] {
    return this.documents.get(documentId) ?? [];
  }

  documentPassages(documentId: string): IndexedPassage[] {
    return this.documentDocs(documentId).map((doc) => this.passage(doc));
  }

  /** The value ids of keyword `column` held by passage `doc`. */
  keywordIds(column: KeywordColumn, doc: number): Int32Array {
    const [segment, local] = this.locate(doc);
    const { starts, values } = segment.keywords[column];
    return values.subarray(starts[local]!, starts[local + 1]!);
  }

  /** Every live passage number, ascending. */
  liveDocs(): Int32Array {
    const docs = new Int32Array(this.liveCount);
    let n = 0;
    this.segments.forEach((segment, s) => {
      const dead = this.deleted[s]!;
      const base = this.bases[s]!;
      for (let doc = 0; doc < segment.size; doc++) if (!dead[doc]) docs[n++] = base + doc;
    });
    return docs;
  }

  /**
   * This index with a new segment added: the passages of `replacedDocuments` in older segments
   * are deleted, as are `superseded` passages of the new segment (replaced within the same batch).
   */
  withSegment(
    segment: Segment,
    replacedDocuments: Set<string>,
    superseded: number[],
  ): EmbeddedIndex {
    const deleted = this.deleted.map((dead) => dead.slice());
    for (const documentId of replacedDocuments) {
      for (const doc of this.documents.get(documentId) ?? []) {
        const [, local, s] = this.locate(doc);
        deleted[s]![local] = 1;
      }
    }
    const dead = new Uint8Array(segment.size);
    for (const doc of superseded) dead[doc] = 1;
    const next = new EmbeddedIndex(
      [...this.segments, segment],
      [...deleted, dead],
      this.dictionaries,
    );
    return next.segments.length > MAX_SEGMENTS ? next.merged() : next;
  }

  /** One segment with every live passage, built from the forward index without analysis. */
  merged(): EmbeddedIndex {
    const builder = new SegmentBuilder(this.dictionaries);
    this.segments.forEach((segment, s) => {
      const dead = this.deleted[s]!;
      for (let doc = 0; doc < segment.size; doc++) {
        if (dead[doc]) continue;
        builder.add(storedPassage(segment.stored, doc), forwardTokens(segment, doc));
      }
    });
    const segment = builder.seal();
    return new EmbeddedIndex([segment], [new Uint8Array(segment.size)], this.dictionaries);
  }
}

const reader = new ForwardReader();

/** A passage's tokens per field, read back from a segment's forward index. */
function forwardTokens(segment: Segment, doc: number): AnalysedPassage {
  const tokens = {} as AnalysedPassage;
  for (const field of indexFields) {
    const data = reader.read(segment.fields[field], doc);
    const list = [];
    for (let t = 0; t < data.tokenStarts[1]!; t++) {
      list.push({
        term: data.terms[data.tokenTerms[t]!]!,
        position: data.tokenPositions[t]!,
        start: data.tokenBegins[t]!,
        end: data.tokenEnds[t]!,
      });
    }
    tokens[field] = list;
  }
  return tokens;
}
