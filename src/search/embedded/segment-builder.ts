// Builds an immutable segment (./segment.ts) from passages: each field value is analysed once
// (./field-analysis.ts) — or, when segments are merged, its tokens are taken from their forward
// index — postings are gathered as (term, passage, frequency) triples and laid out per term when the
// segment is sealed, with term ids renumbered into dictionary order.
import { facetByName } from '../../model/facets.ts';
import { facetValues, type IndexedPassage } from '../indexed-passage.ts';
import { encodeNorm } from './bm25.ts';
import { latinTokenSpans } from '../../analysis/latin-tokenizer.ts';
import { standardTokenize } from '../../analysis/tokenizer.ts';
import { ForwardIndexWriter } from './forward-index.ts';
import { GrowableArray, type NumberArrayType } from './growable-array.ts';
import { PostingPositionsWriter } from './posting-positions.ts';
import { TERM_STRIDE, TokenTerms } from './token-terms.ts';
import { StoredPassagesWriter } from './stored-passages.ts';
import type { FieldToken } from './field-analysis.ts';
import {
  dateNumber,
  exactField,
  indexFields,
  keywordColumns,
  type FieldData,
  type IndexField,
  type KeywordColumn,
  type Rows,
  type Segment,
} from './segment.ts';
import type { ValueDictionary } from './value-dictionary.ts';

export type Dictionaries = Record<KeywordColumn, ValueDictionary>;
export type AnalysedPassage = Record<IndexField, FieldToken[]>;

/** The array twice as long, its values kept. */
function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

class FieldBuilder {
  /** Term ids in order of first appearance (the forward index's ids), renumbered when sealed. */
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Postings as (term, passage, frequency) triples in passage order. */
  private readonly postingTerms = new GrowableArray(Int32Array);
  private readonly postingDocs = new GrowableArray(Int32Array);
  private readonly postingFreqs = new GrowableArray(Uint16Array);
  private readonly lengths = new GrowableArray(Uint32Array);
  private readonly forward = new ForwardIndexWriter();
  private readonly positions = new PostingPositionsWriter();
  /** Per term id: frequency in the passage being added (reset after each passage). */
  private frequencies = new Uint32Array(1024);
  /** Per term id: where its positions go in `sortedPositions` while a passage ends. */
  private cursors = new Int32Array(1024);
  private readonly touched: number[] = [];
  /** The passage's tokens' term ids and positions, in token (position) order. */
  private tokenIds: Int32Array = new Int32Array(1024);
  private tokenPositions: Int32Array = new Int32Array(1024);
  private tokenCount = 0;
  private sortedPositions = new Int32Array(1024);
  private length = 0;
  private lastPosition = -1;

  idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      if (id >= this.frequencies.length) {
        const bigger = new Uint32Array(this.frequencies.length * 2);
        bigger.set(this.frequencies);
        this.frequencies = bigger;
        this.cursors = new Int32Array(bigger.length);
      }
    }
    return id;
  }

  /** Adds one token of the passage being added. */
  token(id: number, position: number, begin: number, end: number): void {
    if (this.frequencies[id] === 0) this.touched.push(id);
    this.frequencies[id]!++;
    if (this.tokenCount === this.tokenIds.length) {
      this.tokenIds = grown(this.tokenIds);
      this.tokenPositions = grown(this.tokenPositions);
    }
    this.tokenIds[this.tokenCount] = id;
    this.tokenPositions[this.tokenCount++] = position;
    this.forward.token(id, position, begin, end);
    if (position !== this.lastPosition) this.length++;
    this.lastPosition = position;
  }

  /** Ends passage `doc`: its postings with their positions and field length (overlapping tokens not counted). */
  endPassage(doc: number): void {
    this.forward.endPassage();
    this.sortPositionsByTerm();
    let from = 0;
    for (const id of this.touched) {
      const frequency = this.frequencies[id]!;
      this.postingTerms.push(id);
      this.postingDocs.push(doc);
      this.postingFreqs.push(Math.min(frequency, 0xffff));
      this.positions.add(this.sortedPositions, from, frequency);
      from += frequency;
      this.frequencies[id] = 0;
    }
    this.touched.length = 0;
    this.tokenCount = 0;
    this.lengths.push(this.length);
    this.length = 0;
    this.lastPosition = -1;
  }

  /**
   * The passage's token positions grouped by term, terms in `touched` order, each term's positions
   * ascending (a counting sort: tokens come in position order).
   */
  private sortPositionsByTerm(): void {
    const count = this.tokenCount;
    if (this.sortedPositions.length < count) this.sortedPositions = new Int32Array(count * 2);
    let cursor = 0;
    for (const id of this.touched) {
      this.cursors[id] = cursor;
      cursor += this.frequencies[id]!;
    }
    for (let t = 0; t < count; t++)
      this.sortedPositions[this.cursors[this.tokenIds[t]!]!++] = this.tokenPositions[t]!;
  }

  add(doc: number, tokens: FieldToken[]): void {
    for (const t of tokens) this.token(this.idOf(t.term), t.position, t.start, t.end);
    this.endPassage(doc);
  }

  seal(): FieldData {
    // The default sort compares UTF-16 code units, the dictionary's order.
    const sorted = [...this.terms].sort();
    const rank = new Int32Array(sorted.length);
    sorted.forEach((term, place) => (rank[this.termIds.get(term)!] = place));
    const postingTerms = this.postingTerms.values();
    const docs = this.postingDocs.values();
    const freqs = this.postingFreqs.values();
    const count = postingTerms.length;
    // postingStarts[t + 1] counts term t's postings, then holds where its row starts and, as
    // the row is filled, where its next posting goes: filled, where the row ends.
    const postingStarts = new Uint32Array(sorted.length + 1);
    for (let i = 0; i < count; i++) postingStarts[rank[postingTerms[i]!]! + 1]!++;
    for (let t = 0, start = 0; t < sorted.length; t++) {
      const rowLength = postingStarts[t + 1]!;
      postingStarts[t + 1] = start;
      start += rowLength;
    }
    const postingDocs = new Int32Array(count);
    const postingFreqs = new Uint16Array(count);
    /** Where each triple's posting went (the positions follow it). */
    const place = new GrowableArray(Int32Array);
    // Triples are in passage order, so each term's row comes out sorted by passage.
    for (let i = 0; i < count; i++) {
      const at = postingStarts[rank[postingTerms[i]!]! + 1]!++;
      place.push(at);
      postingDocs[at] = docs[i]!;
      postingFreqs[at] = freqs[i]!;
    }
    this.postingTerms.release();
    this.postingDocs.release();
    this.postingFreqs.release();
    const positions = this.positions.seal(place.values());
    place.release();
    const lengths = this.lengths.seal();
    return {
      terms: sorted,
      postingStarts,
      postingDocs,
      postingFreqs,
      lengths,
      norms: Uint8Array.from(lengths, encodeNorm),
      ...positions,
      ...this.forward.seal(rank),
    };
  }
}

class RowsBuilder<T extends Int32Array | Float64Array> {
  private readonly starts = new GrowableArray(Uint32Array);
  private readonly values: GrowableArray<T>;

  constructor(make: NumberArrayType<T>) {
    this.values = new GrowableArray(make);
    this.starts.push(0);
  }

  add(values: Iterable<number>): void {
    for (const value of values) this.values.push(value);
    this.starts.push(this.values.length);
  }

  seal(): Rows<T> {
    return { starts: this.starts.seal(), values: this.values.seal() };
  }
}

/** The keyword values of a passage, per column (facet values as the Elasticsearch mapping has them). */
export function keywordValues(passage: IndexedPassage, column: KeywordColumn): string[] {
  if (column === 'title') return passage.title === null ? [] : [passage.title];
  if (column === 'document') return [passage.documentId];
  return facetValues(passage, facetByName[column]);
}

/** Adds the terms terms[from … to − 1] (TERM_STRIDE numbers each) of a token at `position` starting at character `start`. */
function emit(
  field: FieldBuilder,
  terms: Int32Array,
  from: number,
  to: number,
  position: number,
  start: number,
): void {
  for (let i = from; i < to; i += TERM_STRIDE)
    field.token(terms[i]!, position + terms[i + 1]!, start + terms[i + 2]!, start + terms[i + 3]!);
}

/** A value's tokens as [start, end) pairs, token k at position k (the standard tokenizer's). */
const tokenSpans = (text: string): Int32Array =>
  latinTokenSpans(text) ??
  Int32Array.from(standardTokenize(text).flatMap((token) => [token.start, token.end]));

export class SegmentBuilder {
  private readonly fields = Object.fromEntries(
    indexFields.map((field) => [field, new FieldBuilder()]),
  ) as Record<IndexField, FieldBuilder>;
  private readonly keywords = Object.fromEntries(
    keywordColumns.map((column) => [column, new RowsBuilder(Int32Array)]),
  ) as Record<KeywordColumn, RowsBuilder<Int32Array>>;
  private readonly amounts = new RowsBuilder(Float64Array);
  private readonly dates = new GrowableArray(Int32Array);
  private readonly ids: string[] = [];
  private readonly stored = new StoredPassagesWriter();
  /** Per distinct token text of text (or title) values: its terms as ids of the two fields. */
  private readonly tokenTerms = {
    text: new TokenTerms(this.fields.text, this.fields.textExact),
    title: new TokenTerms(this.fields.title, this.fields.titleExact),
  };
  /** The entries of the tokens of the last text value (see entriesOf). */
  private textEntries = new Int32Array(1024);
  /** The tokens of the last title and their entries: a document's passages share it. */
  private lastTitle: { text: string; spans: Int32Array; entries: Int32Array } = {
    text: '',
    spans: new Int32Array(0),
    entries: new Int32Array(0),
  };

  constructor(private readonly dictionaries: Dictionaries) {}

  get size(): number {
    return this.ids.length;
  }

  /** Adds a passage; `analysed` gives its tokens when they are known (a merge). Returns its doc id. */
  add(passage: IndexedPassage, analysed?: AnalysedPassage): number {
    const doc = this.ids.length;
    if (analysed) {
      for (const field of indexFields) this.fields[field].add(doc, analysed[field]);
    } else {
      const spans = tokenSpans(passage.text);
      if (this.textEntries.length < spans.length >> 1)
        this.textEntries = new Int32Array(spans.length);
      this.entriesOf('text', passage.text, spans, this.textEntries);
      this.addValue(doc, 'text', spans, this.textEntries);
      const title = passage.title ?? '';
      if (this.lastTitle.text !== title) {
        const titleSpans = tokenSpans(title);
        const entries = new Int32Array(titleSpans.length >> 1);
        this.entriesOf('title', title, titleSpans, entries);
        this.lastTitle = { text: title, spans: titleSpans, entries };
      }
      this.addValue(doc, 'title', this.lastTitle.spans, this.lastTitle.entries);
    }
    for (const column of keywordColumns) {
      const dictionary = this.dictionaries[column];
      this.keywords[column].add(
        new Set(keywordValues(passage, column).map((value) => dictionary.add(value))),
      );
    }
    this.amounts.add(passage.amounts);
    this.dates.push(passage.date === null ? 0 : dateNumber(passage.date));
    this.ids.push(passage.id);
    this.stored.add(passage);
    return doc;
  }

  /** The entry of each token of a value (spans: its tokenization) in the field's TokenTerms, into `entries`. */
  private entriesOf(
    field: 'text' | 'title',
    text: string,
    spans: Int32Array,
    entries: Int32Array,
  ): void {
    const tokenTerms = this.tokenTerms[field];
    for (let k = 0; k < spans.length; k += 2)
      entries[k >> 1] = tokenTerms.entry(text, spans[k]!, spans[k + 1]!);
  }

  /** Indexes one tokenization of a value, with its tokens' entries, into its stemmed and exact fields. */
  private addValue(
    doc: number,
    field: 'text' | 'title',
    spans: Int32Array,
    entries: Int32Array,
  ): void {
    const stemmed = this.fields[field];
    const exact = this.fields[exactField[field]];
    const terms = this.tokenTerms[field].terms;
    for (let k = 0; k < spans.length; k += 2) {
      const at = entries[k >> 1]!;
      const exactFrom = at + 2 + terms[at]! * TERM_STRIDE;
      const exactTo = exactFrom + terms[at + 1]! * TERM_STRIDE;
      emit(stemmed, terms, at + 2, exactFrom, k >> 1, spans[k]!);
      emit(exact, terms, exactFrom, exactTo, k >> 1, spans[k]!);
    }
    stemmed.endPassage(doc);
    exact.endPassage(doc);
  }

  seal(): Segment {
    return {
      size: this.ids.length,
      ids: this.ids,
      stored: this.stored.seal(),
      dates: this.dates.seal(),
      amounts: this.amounts.seal(),
      keywords: Object.fromEntries(
        keywordColumns.map((column) => [column, this.keywords[column].seal()]),
      ) as Segment['keywords'],
      fields: Object.fromEntries(
        indexFields.map((field) => [field, this.fields[field].seal()]),
      ) as Segment['fields'],
    };
  }
}
