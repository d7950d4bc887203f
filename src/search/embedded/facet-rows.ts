// Every facet value of a segment's passages side by side, for counting and filtering all facets in
// one pass over the matches (./facets.ts). The keyword columns keep an array pair per facet, so
// reading them facet by facet costs a cache miss or two per (match, facet); here a passage's values
// lie together in one row (about 11 for the dekamer corpus: six single-valued facets, ≈ 4.5 themes,
// ≈ 0.6 organisations), so a match costs two misses (its start and its row) whatever the number of
// facets. Values are slots of the segment's counter space: facet f's value id v is slot
// offsets[f] + v, so one Int32Array indexed by slot counts every facet at once. A facet with at most
// one value per passage also gets a column of its slots, because a filter reads one facet of every
// match and the column is a fraction of the rows' bytes. The slots depend on the segment only (its
// value ids never change, however the shared dictionaries grow), so they are made once per segment,
// when first counted, and are not part of the snapshot. Slots are 16-bit when the segment's counter
// space allows (it holds the facet values, a few thousand): the rows are read cold after the query's
// postings, and half the bytes is fewer cache misses.
import { facetNames } from '../rules.ts';
import type { Segment } from './segment.ts';

/** Slots: 16-bit unless the segment's counter space is larger. */
export type SlotArray = Uint16Array | Int32Array;

export interface FacetRows {
  /**
   * Passage d's slots are slots[starts[d]] … slots[starts[d + 1] − 1]: one per single-valued facet
   * first (noValue for none), in facet order, then the values of the other facets.
   */
  starts: Int32Array;
  slots: SlotArray;
  /** Per facet f, passage d's slot in columns[f][d] when f has at most one value per passage. */
  columns: (SlotArray | null)[];
  /** Facet f owns slots [offsets[f], offsets[f + 1]), one per value id. */
  offsets: Int32Array;
  /** The slot of a passage without a value in a single-valued facet: counted, never read. */
  noValue: number;
}

const rowsOfSegment = new WeakMap<Segment, FacetRows>();
const documentsOfSegment = new WeakMap<Segment, Int32Array>();

/** The segment's facet rows, made on first use. */
export function facetRows(segment: Segment): FacetRows {
  let rows = rowsOfSegment.get(segment);
  if (!rows) rowsOfSegment.set(segment, (rows = buildRows(segment)));
  return rows;
}

function buildRows(segment: Segment): FacetRows {
  const keywords = facetNames.map((facet) => segment.keywords[facet]);
  const offsets = new Int32Array(keywords.length + 1);
  keywords.forEach(({ values }, f) => (offsets[f + 1] = offsets[f]! + largest(values) + 1));
  const noValue = offsets[keywords.length]!;
  const Slots = noValue <= 0xffff ? Uint16Array : Int32Array;
  const columns = keywords.map(({ starts }) =>
    atMostOne(starts) ? new Slots(segment.size).fill(noValue) : null,
  );
  const size = keywords.reduce((n, { values }, f) => n + (columns[f] ? 0 : values.length), 0);
  const starts = new Int32Array(segment.size + 1);
  const slots = new Slots(size + segment.size * columns.filter((column) => column).length);
  let n = 0;
  for (let local = 0; local < segment.size; local++) {
    starts[local] = n;
    keywords.forEach(({ starts: from, values }, f) => {
      const column = columns[f];
      if (column && from[local + 1]! > from[local]!)
        column[local] = offsets[f]! + values[from[local]!]!;
      if (column) slots[n++] = column[local]!;
    });
    keywords.forEach(({ starts: from, values }, f) => {
      if (columns[f]) return;
      for (let v = from[local]!; v < from[local + 1]!; v++) slots[n++] = offsets[f]! + values[v]!;
    });
  }
  starts[segment.size] = n;
  return { starts, slots, columns, offsets, noValue };
}

function largest(values: Int32Array): number {
  let max = -1;
  for (let v = 0; v < values.length; v++) if (values[v]! > max) max = values[v]!;
  return max;
}

function atMostOne(starts: Uint32Array): boolean {
  for (let local = 0; local + 1 < starts.length; local++)
    if (starts[local + 1]! - starts[local]! > 1) return false;
  return true;
}

/**
 * The document (value id of the document column) of each passage of the segment, for counting
 * documents: every passage has exactly one.
 */
export function passageDocuments(segment: Segment): Int32Array {
  let documents = documentsOfSegment.get(segment);
  if (!documents) {
    const { starts, values } = segment.keywords.document;
    documents = new Int32Array(segment.size);
    for (let local = 0; local < segment.size; local++) documents[local] = values[starts[local]!]!;
    documentsOfSegment.set(segment, documents);
  }
  return documents;
}
