// Builds an immutable segment (./segment.ts) from passages: each field value is analysed once
// (./field-analysis.ts) — or, when segments are merged, its tokens are taken from their forward
// index — postings are gathered as (term, passage, frequency) triples and laid out per term when the
// segment is sealed, with term ids renumbered into dictionary order.
import { facetByName } from '../../model/facets.ts';
import { facetValues, type IndexedPassage } from '../indexed-passage.ts';
import { encodeNorm } from './bm25.ts';
import { tokenizeStandard } from '../../analysis/latin-tokenizer.ts';
import type { Token } from '../../analysis/tokenizer.ts';
import {
  analyseToken,
  type AnalyzerName,
  type Derived,
  type FieldToken,
} from './field-analysis.ts';
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

class FieldBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postingTerms: number[] = [];
  private readonly postingDocs: number[] = [];
  private readonly postingFreqs: number[] = [];
  private readonly lengths: number[] = [];
  private readonly tokenStarts: number[] = [];
  private readonly tokenTerms: number[] = [];
  private readonly tokenPositions: number[] = [];
  private readonly tokenBegins: number[] = [];
  private readonly tokenEnds: number[] = [];
  /** Per term id: frequency in the passage being added (reset after each passage). */
  private frequencies = new Uint32Array(1024);
  private readonly touched: number[] = [];
  private length = 0;
  private lastPosition = -1;

  constructor() {
    this.tokenStarts.push(0);
  }

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
      }
    }
    return id;
  }

  /** Adds one token of the passage being added. */
  token(id: number, position: number, begin: number, end: number): void {
    if (this.frequencies[id] === 0) this.touched.push(id);
    this.frequencies[id]!++;
    this.tokenTerms.push(id);
    this.tokenPositions.push(position);
    this.tokenBegins.push(begin);
    this.tokenEnds.push(end);
    if (position !== this.lastPosition) this.length++;
    this.lastPosition = position;
  }

  /** Ends passage `doc`: its postings and field length (overlapping tokens not counted). */
  endPassage(doc: number): void {
    this.tokenStarts.push(this.tokenTerms.length);
    this.touched.sort((a, b) => a - b);
    for (const id of this.touched) {
      this.postingTerms.push(id);
      this.postingDocs.push(doc);
      this.postingFreqs.push(Math.min(this.frequencies[id]!, 0xffff));
      this.frequencies[id] = 0;
    }
    this.touched.length = 0;
    this.lengths.push(this.length);
    this.length = 0;
    this.lastPosition = -1;
  }

  add(doc: number, tokens: FieldToken[]): void {
    for (const t of tokens) this.token(this.idOf(t.term), t.position, t.start, t.end);
    this.endPassage(doc);
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
    const postingTerms = this.postingTerms;
    const postingStarts = new Uint32Array(order.length + 1);
    for (const id of postingTerms) postingStarts[rank[id]! + 1]!++;
    for (let t = 0; t < order.length; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const fill = postingStarts.slice(0, order.length);
    const docs = this.postingDocs;
    const freqs = this.postingFreqs;
    const postingDocs = new Int32Array(docs.length);
    const postingFreqs = new Uint16Array(docs.length);
    for (let i = 0; i < postingTerms.length; i++) {
      const at = fill[rank[postingTerms[i]!]!]!++;
      postingDocs[at] = docs[i]!;
      postingFreqs[at] = freqs[i]!;
    }
    const lengths = Uint32Array.from(this.lengths);
    return {
      terms: order.map((id) => this.terms[id]!),
      postingStarts,
      postingDocs,
      postingFreqs,
      lengths,
      norms: Uint8Array.from(lengths, encodeNorm),
      tokenStarts: Uint32Array.from(this.tokenStarts),
      tokenTerms: Int32Array.from(this.tokenTerms, (id) => rank[id]!),
      tokenPositions: Int32Array.from(this.tokenPositions),
      tokenBegins: Int32Array.from(this.tokenBegins),
      tokenEnds: Int32Array.from(this.tokenEnds),
    };
  }
}

class RowsBuilder<T extends Int32Array | Float64Array> {
  private readonly starts: number[] = [];
  private readonly values: number[] = [];

  constructor(private readonly make: { from(values: number[]): T }) {
    this.starts.push(0);
  }

  add(values: Iterable<number>): void {
    for (const value of values) this.values.push(value);
    this.starts.push(this.values.length);
  }

  seal(): Rows<T> {
    return { starts: Uint32Array.from(this.starts), values: this.make.from(this.values) };
  }
}

/** The keyword values of a passage, per column (facet values as the Elasticsearch mapping has them). */
export function keywordValues(passage: IndexedPassage, column: KeywordColumn): string[] {
  if (column === 'title') return passage.title === null ? [] : [passage.title];
  if (column === 'document') return [passage.documentId];
  return facetValues(passage, facetByName[column]);
}

const encoder = new TextEncoder();

type ResolvedTerm = Derived & { id: number };
interface TokenTerms {
  stemmed: ResolvedTerm[];
  exact: ResolvedTerm[];
}

function emit(field: FieldBuilder, terms: ResolvedTerm[], token: Token): void {
  for (const t of terms) {
    field.token(t.id, token.position + t.positionDelta, token.start + t.start, token.start + t.end);
  }
}

/** The terms `analyzer` derives from a token text, with their ids in `field`. */
const resolve = (field: FieldBuilder, analyzer: AnalyzerName, text: string): ResolvedTerm[] =>
  analyseToken(analyzer, text).map((d) => ({ ...d, id: field.idOf(d.term) }));

export class SegmentBuilder {
  private readonly fields = Object.fromEntries(
    indexFields.map((field) => [field, new FieldBuilder()]),
  ) as Record<IndexField, FieldBuilder>;
  private readonly keywords = Object.fromEntries(
    keywordColumns.map((column) => [column, new RowsBuilder(Int32Array)]),
  ) as Record<KeywordColumn, RowsBuilder<Int32Array>>;
  private readonly amounts = new RowsBuilder(Float64Array);
  private readonly dates: number[] = [];
  private readonly ids: string[] = [];
  private readonly stored: Uint8Array[] = [];
  private storedBytes = 0;
  /** Per distinct token text of text (or title) values: its terms as ids of the two fields. */
  private readonly tokenTerms = {
    text: new Map<string, TokenTerms>(),
    title: new Map<string, TokenTerms>(),
  };
  /** The tokens of the last title: a document's passages share it. */
  private lastTitle: { text: string; tokens: Token[] } = { text: '', tokens: [] };

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
      this.addValue(doc, 'text', tokenizeStandard(passage.text));
      const title = passage.title ?? '';
      if (this.lastTitle.text !== title)
        this.lastTitle = { text: title, tokens: tokenizeStandard(title) };
      this.addValue(doc, 'title', this.lastTitle.tokens);
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
    const json = encoder.encode(JSON.stringify(passage));
    this.stored.push(json);
    this.storedBytes += json.length;
    return doc;
  }

  /**
   * Indexes one tokenization of a value into its stemmed and exact fields: each distinct token
   * text is analysed once (./field-analysis.ts) and its terms looked up once.
   */
  private addValue(doc: number, field: 'text' | 'title', tokens: Token[]): void {
    const stemmed = this.fields[field];
    const exact = this.fields[exactField[field]];
    const cache = this.tokenTerms[field];
    for (const token of tokens) {
      let terms = cache.get(token.text);
      if (!terms) {
        terms = {
          stemmed: resolve(stemmed, 'dutch_text', token.text),
          exact: resolve(exact, 'dutch_exact', token.text),
        };
        cache.set(token.text, terms);
      }
      emit(stemmed, terms.stemmed, token);
      emit(exact, terms.exact, token);
    }
    stemmed.endPassage(doc);
    exact.endPassage(doc);
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
      dates: Int32Array.from(this.dates),
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
