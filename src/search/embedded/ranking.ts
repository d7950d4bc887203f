// Sorting and paging the hits like Elasticsearch: by score (or date, undated last) descending, then
// passage id ascending. Sort keys sit in arrays beside the hits; only the hits up to the end of the
// page asked for are put in order (a bounded heap, or one sort when that is most of them); with
// groupBy=document, the best passage of each document stands for it (collapse).
import type { DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { passageOrders, ranksUpTo } from './passage-orders.ts';

/** An order of items 0…n−1: by value descending, then by rank ascending. */
export interface SortOrder {
  values: ArrayLike<number>;
  /** Item i's rank is ranks[i], or ranks[rankAt[i]] when rankAt is given. */
  ranks: ArrayLike<number>;
  rankAt?: ArrayLike<number>;
}

/** The hits with their sort keys: score or yyyymmdd date (descending), then passage id rank. */
export interface SortKeys extends SortOrder {
  docs: Int32Array;
  scores: Float64Array;
  values: Float64Array;
  /**
   * The index's passage id ranks (./passage-orders.ts idRanks), read through the hits' passage
   * numbers: looked up for the hits compared only, not copied for every hit.
   */
  ranks: Int32Array;
  rankAt: Int32Array;
}

/** A position in the sort order (a cursor's `after`): hits after it have a lower value, or the same value and a rank of at least `rankFrom`. */
export interface SortPoint {
  value: number;
  rankFrom: number;
}

export const sortPoint = (index: EmbeddedIndex, value: number, id: string): SortPoint => ({
  value,
  rankFrom: ranksUpTo(passageOrders(index), id),
});

export function sortKeys(index: EmbeddedIndex, hits: DocSet, byDate: boolean): SortKeys {
  const { idRanks, dates } = passageOrders(index);
  let values = hits.scores;
  if (byDate) {
    values = new Float64Array(hits.docs.length);
    for (let i = 0; i < hits.docs.length; i++) values[i] = dates[hits.docs[i]!]!;
  }
  return { docs: hits.docs, scores: hits.scores, values, ranks: idRanks, rankAt: hits.docs };
}

const rankOf = ({ ranks, rankAt }: SortOrder, i: number) => ranks[rankAt ? rankAt[i]! : i]!;

/** Whether item i comes before item j. */
const beforeIn = (order: SortOrder, i: number, j: number) =>
  order.values[i] !== order.values[j]
    ? order.values[i]! > order.values[j]!
    : rankOf(order, i) < rankOf(order, j);

/** Whether hit i comes after the point. */
const isAfter = (keys: SortKeys, i: number, point: SortPoint) =>
  keys.values[i] !== point.value
    ? keys.values[i]! < point.value
    : rankOf(keys, i) >= point.rankFrom;

/** The first `k` of `candidates` (items of the order, e.g. hits) in sort order. */
export function topK(keys: SortOrder, candidates: ArrayLike<number>, k: number): number[] {
  const n = candidates.length;
  if (k <= 0 || n === 0) return [];
  const order = (a: number, b: number) =>
    beforeIn(keys, a, b) ? -1 : beforeIn(keys, b, a) ? 1 : 0;
  if (k * 4 >= n) return Array.from(candidates).sort(order).slice(0, k);
  // A heap of the best k so far, its root the worst of them.
  const heap: number[] = [];
  const worse = (i: number, j: number) => beforeIn(keys, heap[j]!, heap[i]!);
  for (let c = 0; c < n; c++) {
    const item = candidates[c]!;
    if (heap.length < k) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (beforeIn(keys, item, heap[0]!)) {
      heap[0] = item;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let top = i;
        if (l < k && worse(l, top)) top = l;
        if (r < k && worse(r, top)) top = r;
        if (top === i) break;
        [heap[i], heap[top]] = [heap[top]!, heap[i]!];
        i = top;
      }
    }
  }
  return heap.sort(order);
}

/**
 * The first `k` hits (after `point`, when given) in sort order. A result holding a large part of
 * the index walks an order the index keeps instead of keeping a heap: the date order when sorted
 * by date, the id order when every hit has the same score (a match-all or filter-only query, a
 * prefix alone), since ties are broken by id.
 */
export function firstHits(
  index: EmbeddedIndex,
  keys: SortKeys,
  k: number,
  byDate: boolean,
  point?: SortPoint,
): number[] {
  if (keys.docs.length * 8 >= index.maxDoc) {
    const orders = passageOrders(index);
    const order = byDate ? orders.byDate : sameValue(keys.values) ? orders.byId : null;
    if (order) return walkOrder(index, keys, order, k, point);
  }
  if (!point) return topK(keys, firstIntegers(keys.docs.length), k);
  const candidates: number[] = [];
  for (let i = 0; i < keys.docs.length; i++) if (isAfter(keys, i, point)) candidates.push(i);
  return topK(keys, candidates, k);
}

function sameValue(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

/**
 * Per passage number, 1 + its place among the hits (0: not a hit); all zeros between calls. Kept
 * across searches because walkOrder runs without awaiting, so no other search can see it filled.
 */
let hitPlaces = new Int32Array(0);

/** The first `k` hits (after `point`) met walking `order`, every passage of the index in sort order. */
function walkOrder(
  index: EmbeddedIndex,
  keys: SortKeys,
  order: Int32Array,
  k: number,
  point: SortPoint | undefined,
): number[] {
  if (hitPlaces.length < index.maxDoc) hitPlaces = new Int32Array(index.maxDoc);
  const { docs } = keys;
  for (let i = 0; i < docs.length; i++) hitPlaces[docs[i]!] = i + 1;
  const page: number[] = [];
  for (let j = 0; j < order.length && page.length < k; j++) {
    const i = hitPlaces[order[j]!]! - 1;
    if (i !== -1 && (!point || isAfter(keys, i, point))) page.push(i);
  }
  for (let i = 0; i < docs.length; i++) hitPlaces[docs[i]!] = 0;
  return page;
}

/** 0 … n − 1, from one array grown as needed and shared (read only). */
let integers = new Int32Array(0);
function firstIntegers(n: number): Int32Array {
  if (integers.length < n)
    integers = Int32Array.from({ length: Math.max(n, integers.length * 2) }, (_, i) => i);
  return integers.subarray(0, n);
}

/**
 * The best hit of each document (indices into keys, documents in the order their first hit comes),
 * and for a hit its document's number of hits. Counted in arrays over the document dictionary.
 */
export function collapse(
  index: EmbeddedIndex,
  keys: SortKeys,
): { best: number[]; hitsOfDocument: (i: number) => number } {
  const size = index.dictionaries.document.size;
  const bestOf = new Int32Array(size).fill(-1);
  const hitCounts = new Int32Array(size);
  const documentOf = new Int32Array(keys.docs.length);
  const order: number[] = [];
  let s = 0;
  for (let i = 0; i < keys.docs.length; i++) {
    const doc = keys.docs[i]!;
    while (s + 1 < index.segments.length && index.bases[s + 1]! <= doc) s++;
    const { starts, values } = index.segments[s]!.keywords.document;
    const documentId = values[starts[doc - index.bases[s]!]!]!;
    documentOf[i] = documentId;
    const current = bestOf[documentId]!;
    if (current === -1) order.push(documentId);
    if (current === -1 || beforeIn(keys, i, current)) bestOf[documentId] = i;
    hitCounts[documentId]!++;
  }
  return {
    best: order.map((documentId) => bestOf[documentId]!),
    hitsOfDocument: (i) => hitCounts[documentOf[i]!]!,
  };
}
