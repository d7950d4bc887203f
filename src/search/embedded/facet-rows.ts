// Every facet value of a segment's passages side by side, for counting and filtering all facets in
// one pass over the matches (./facets.ts). The keyword columns keep an array pair per facet, so
// reading them facet by facet costs a cache miss per (match, facet); here a passage's values lie
// together. Values are slots of the segment's counter space: facet f's value id v is slot
// offsets[f] + v, so one Int32Array indexed by slot counts every facet at once. Facets with at most
// one value per passage (six of eight in the dekamer corpus) get a fixed place in a table of one
// row per passage, so a filter on one of them reads a single slot; the others (themes ≈ 4.5 per
// passage, organisations ≈ 0.6) are rows of varying length. The slots depend on the segment only
// (its value ids never change, however the shared dictionaries grow), so they are made once per
// segment, when first counted, and are not part of the snapshot. Slots are 16-bit when the
// segment's counter space allows (it holds the facet values, a few thousand): the rows are read
// cold after the query's postings, and half the bytes is fewer cache misses.
import { facetNames } from '../rules.ts';
import type { Segment } from './segment.ts';

/** Slots: 16-bit unless the segment's counter space is larger. */
export type SlotArray = Uint16Array | Int32Array;

export interface FacetRows {
  /** The facets (indexes in facetNames) with at most one value per passage of the segment. */
  singleFacets: number[];
  /** Passage d's slot of singleFacets[k] is singles[d * singleFacets.length + k]. */
  singles: SlotArray;
  /**
   * The same slots facet by facet: columns[f][d] for a single-valued facet f, else null. A filter
   * reads one facet of every match, and one facet's column is a sixth of the table's bytes.
   */
  columns: (SlotArray | null)[];
  /** The slots of the other facets: multiSlots[multiStarts[d]] … multiSlots[multiStarts[d + 1] − 1]. */
  multiStarts: Int32Array;
  multiSlots: SlotArray;
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
  const columns = facetNames.map((facet) => segment.keywords[facet]);
  const offsets = new Int32Array(columns.length + 1);
  columns.forEach(({ values }, f) => (offsets[f + 1] = offsets[f]! + largest(values) + 1));
  const noValue = offsets[columns.length]!;
  const single = columns.map(({ starts }) => atMostOne(starts));
  const singleFacets = facetNames.flatMap((_, f) => (single[f] ? [f] : []));
  const multiFacets = facetNames.flatMap((_, f) => (single[f] ? [] : [f]));
  const width = singleFacets.length;
  const Slots = noValue <= 0xffff ? Uint16Array : Int32Array;
  const singles = new Slots(segment.size * width);
  const multiStarts = new Int32Array(segment.size + 1);
  const multiSlots = new Slots(multiFacets.reduce((n, f) => n + columns[f]!.values.length, 0));
  const singleColumns = facetNames.map((_, f) => (single[f] ? new Slots(segment.size) : null));
  let n = 0;
  for (let local = 0; local < segment.size; local++) {
    singleFacets.forEach((f, k) => {
      const { starts, values } = columns[f]!;
      const held = starts[local + 1]! > starts[local]!;
      const slot = held ? offsets[f]! + values[starts[local]!]! : noValue;
      singles[local * width + k] = slot;
      singleColumns[f]![local] = slot;
    });
    multiStarts[local] = n;
    for (const f of multiFacets) {
      const { starts, values } = columns[f]!;
      for (let v = starts[local]!; v < starts[local + 1]!; v++)
        multiSlots[n++] = offsets[f]! + values[v]!;
    }
  }
  multiStarts[segment.size] = n;
  return {
    singleFacets,
    singles,
    columns: singleColumns,
    multiStarts,
    multiSlots,
    offsets,
    noValue,
  };
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
