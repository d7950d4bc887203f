// One immutable segment of the embedded index, as in Lucene: the passages added together, with for
// each indexed field a sorted term dictionary (binary search; prefix ranges), postings as
// compressed rows (doc ids, term frequencies and positions per term, rows delimited by offsets;
// the positions serve phrases and synonym names, ./posting-positions.ts), a norm byte per passage
// and a forward index of every passage's tokens (term, position, character offsets;
// ./forward-index.ts) that serves highlighting and merges without analysing the text again; beside
// them columns for filters and facets (keyword value ids, dates, amounts) and the stored passages
// (./stored-passages.ts), decoded only for the hits shown.
import { facetNames } from '../rules.ts';
import type { AnalyzerName } from './field-analysis.ts';
import type { ForwardIndex } from './forward-index.ts';
import type { PostingPositions } from './posting-positions.ts';
import type { StoredPassages } from './stored-passages.ts';

export const indexFields = ['text', 'title', 'textExact', 'titleExact'] as const;
export type IndexField = (typeof indexFields)[number];

/** The unstemmed subfield that quoted phrases match on (Elasticsearch's `.exact`). */
export const exactField = { text: 'textExact', title: 'titleExact' } as const;

export const analyzerOf: Record<IndexField, AnalyzerName> = {
  text: 'dutch_text',
  title: 'dutch_text',
  textExact: 'dutch_exact',
  titleExact: 'dutch_exact',
};

/** Rows of values per passage: passage d has values[starts[d]] … values[starts[d + 1] − 1]. */
export interface Rows<T extends Int32Array | Float64Array> {
  starts: Uint32Array;
  values: T;
}

/** An indexed field; its forward index (ForwardIndex) is read through ./forward-index.ts's ForwardReader. */
export interface FieldData extends ForwardIndex, PostingPositions {
  /** The field's terms in code-unit order; a term's id is its place here. */
  terms: string[];
  /** Postings of term t: postingDocs/postingFreqs[postingStarts[t] … postingStarts[t + 1] − 1]. */
  postingStarts: Uint32Array;
  postingDocs: Int32Array;
  postingFreqs: Uint16Array;
  /** Field length per passage (terms, overlaps discounted), for the statistics over live passages. */
  lengths: Uint32Array;
  /** Lucene's norm byte per passage. */
  norms: Uint8Array;
}

/** Keyword columns: the facets, plus titles and document ids (suggestions, collapse). */
export const keywordColumns = [...facetNames, 'title', 'document'] as const;
export type KeywordColumn = (typeof keywordColumns)[number];

export interface Segment {
  size: number;
  /** Passage ids (sort tie-break, lookups). */
  ids: string[];
  /** The passages as stored (./stored-passages.ts). */
  stored: StoredPassages;
  /** Date as yyyymmdd, 0 when undated. */
  dates: Int32Array;
  amounts: Rows<Float64Array>;
  /** Ids into the index's dictionary of that column (./value-dictionary.ts). */
  keywords: Record<KeywordColumn, Rows<Int32Array>>;
  fields: Record<IndexField, FieldData>;
}

/** Binary search for `term` in the sorted dictionary; -1 when absent. */
export function termId(field: { readonly terms: readonly string[] }, term: string): number {
  const { terms } = field;
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = terms[middle]!;
    if (value === term) return middle;
    if (value < term) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The ids of the terms starting with `prefix`: a range [from, to) of the sorted dictionary. */
export function prefixRange(
  field: { readonly terms: readonly string[] },
  prefix: string,
): [number, number] {
  const { terms } = field;
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < terms.length && terms[end]!.startsWith(prefix)) end++;
  return [low, end];
}

/** yyyymmdd of an ISO date (YYYY-MM-DD), as the date column holds it. */
export const dateNumber = (date: string) =>
  Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
