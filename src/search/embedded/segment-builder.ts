// Builds an immutable segment (./segment.ts) from passages: each field value is analysed once
// (./field-analysis.ts) — or, when segments are merged, its tokens are taken from their forward
// index — postings are gathered as (term, passage, frequency) triples and laid out per term when the
// segment is sealed, with term ids renumbered into dictionary order.
import type { IndexedPassage } from '../indexed-passage.ts';
import { encodeNorm } from './bm25.ts';
import { analyseField, fieldLength, type FieldToken } from './field-analysis.ts';
import { GrowableArray } from './int-list.ts';
import {
  dateNumber,
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

class FieldBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postingTerms = new GrowableArray(Int32Array, 1 << 16);
  private readonly postingDocs = new GrowableArray(Int32Array, 1 << 16);
  private readonly postingFreqs = new GrowableArray(Uint16Array, 1 << 16);
  private readonly lengths = new GrowableArray(Uint32Array);
  private readonly tokenStarts = new GrowableArray(Uint32Array);
  private readonly tokenTerms = new GrowableArray(Int32Array, 1 << 16);
  private readonly tokenPositions = new GrowableArray(Int32Array, 1 << 16);
  private readonly tokenBegins = new GrowableArray(Int32Array, 1 << 16);
  private readonly tokenEnds = new GrowableArray(Int32Array, 1 << 16);
  /** Per term id: frequency in the passage being added (reset after each passage). */
  private frequencies = new Uint32Array(1024);
  private readonly touched: number[] = [];

  constructor() {
    this.tokenStarts.push(0);
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
      if (id >= this.frequencies.length) {
        const bigger = new Uint32Array(this.frequencies.length * 2);
        bigger.set(this.frequencies);
        this.frequencies = bigger;
      }
    }
    return id;
  }

  add(doc: number, tokens: FieldToken[]): void {
    for (const token of tokens) {
      const id = this.idOf(token.term);
      if (this.frequencies[id] === 0) this.touched.push(id);
      this.frequencies[id]!++;
      this.tokenTerms.push(id);
      this.tokenPositions.push(token.position);
      this.tokenBegins.push(token.start);
      this.tokenEnds.push(token.end);
    }
    this.tokenStarts.push(this.tokenTerms.length);
    this.touched.sort((a, b) => a - b);
    for (const id of this.touched) {
      this.postingTerms.push(id);
      this.postingDocs.push(doc);
      this.postingFreqs.push(Math.min(this.frequencies[id]!, 0xffff));
      this.frequencies[id] = 0;
    }
    this.touched.length = 0;
    this.lengths.push(fieldLength(tokens));
  }

  seal(): FieldData {
    const order = this.terms
      .map((_, id) => id)
      .sort((a, b) => {
        const x = this.terms[a]!;
        const y = this.terms[b]!;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const rank = new Int32Array(order.length);
    order.forEach((id, position) => (rank[id] = position));
    const postingTerms = this.postingTerms.toArray();
    const postingStarts = new Uint32Array(order.length + 1);
    for (const id of postingTerms) postingStarts[rank[id]! + 1]!++;
    for (let t = 0; t < order.length; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const fill = postingStarts.slice(0, order.length);
    const docs = this.postingDocs.toArray();
    const freqs = this.postingFreqs.toArray();
    const postingDocs = new Int32Array(docs.length);
    const postingFreqs = new Uint16Array(docs.length);
    for (let i = 0; i < postingTerms.length; i++) {
      const at = fill[rank[postingTerms[i]!]!]!++;
      postingDocs[at] = docs[i]!;
      postingFreqs[at] = freqs[i]!;
    }
    const lengths = this.lengths.toArray();
    return {
      terms: order.map((id) => this.terms[id]!),
      postingStarts,
      postingDocs,
      postingFreqs,
      lengths,
      norms: Uint8Array.from(lengths, encodeNorm),
      tokenStarts: this.tokenStarts.toArray(),
      tokenTerms: this.tokenTerms.toArray().map((id) => rank[id]!),
      tokenPositions: this.tokenPositions.toArray(),
      tokenBegins: this.tokenBegins.toArray(),
      tokenEnds: this.tokenEnds.toArray(),
    };
  }
}

class RowsBuilder<T extends Int32Array | Float64Array> {
  private readonly starts = new GrowableArray(Uint32Array);
  private readonly values: GrowableArray<T>;

  constructor(make: new (length: number) => T) {
    this.values = new GrowableArray(make);
    this.starts.push(0);
  }

  add(values: Iterable<number>): void {
    for (const value of values) this.values.push(value);
    this.starts.push(this.values.length);
  }

  seal(): Rows<T> {
    return { starts: this.starts.toArray(), values: this.values.toArray() };
  }
}

/** The keyword values of a passage, per column (facet values as the Elasticsearch mapping has them). */
export function keywordValues(passage: IndexedPassage, column: KeywordColumn): string[] {
  const one = (value: string | null) => (value === null ? [] : [value]);
  switch (column) {
    case 'theme':
      return passage.themes;
    case 'minister':
      return one(passage.minister);
    case 'asker':
      return one(passage.asker);
    case 'party':
      return one(passage.party);
    case 'year':
      return passage.year === null ? [] : [String(passage.year)];
    case 'type':
      return [passage.type];
    case 'organisation':
      return passage.organisations;
    case 'title':
      return one(passage.title);
    case 'document':
      return [passage.documentId];
  }
}

const encoder = new TextEncoder();

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
  private readonly stored: Uint8Array[] = [];
  private storedBytes = 0;
  /** The analysis of the last title: a document's passages share it. */
  private lastTitle: { text: string; analysis: ReturnType<typeof analyseField> } | null = null;

  constructor(private readonly dictionaries: Dictionaries) {}

  get size(): number {
    return this.ids.length;
  }

  /** Adds a passage; `analysed` gives its tokens when they are known (a merge). Returns its doc id. */
  add(passage: IndexedPassage, analysed?: AnalysedPassage): number {
    const doc = this.ids.length;
    const tokens = analysed ?? this.analyse(passage);
    for (const field of indexFields) this.fields[field].add(doc, tokens[field]);
    for (const column of keywordColumns) {
      const dictionary = this.dictionaries[column];
      this.keywords[column].add(
        new Set(keywordValues(passage, column).map((value) => dictionary.add(value))),
      );
    }
    this.amounts.add(passage.amounts);
    this.dates.push(passage.date === null ? 0 : dateNumber(passage.date));
    this.ids.push(passage.id);
    const json = encoder.encode(JSON.stringify(passage));
    this.stored.push(json);
    this.storedBytes += json.length;
    return doc;
  }

  private analyse(passage: IndexedPassage): AnalysedPassage {
    const text = analyseField(passage.text);
    const titleText = passage.title ?? '';
    if (this.lastTitle?.text !== titleText)
      this.lastTitle = { text: titleText, analysis: analyseField(titleText) };
    const title = this.lastTitle.analysis;
    return {
      text: text.dutch_text,
      textExact: text.dutch_exact,
      title: title.dutch_text,
      titleExact: title.dutch_exact,
    };
  }

  seal(): Segment {
    const starts = new Uint32Array(this.stored.length + 1);
    const bytes = new Uint8Array(this.storedBytes);
    let at = 0;
    this.stored.forEach((json, doc) => {
      bytes.set(json, at);
      at += json.length;
      starts[doc + 1] = at;
    });
    return {
      size: this.ids.length,
      ids: this.ids,
      stored: { starts, bytes },
      dates: this.dates.toArray(),
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
