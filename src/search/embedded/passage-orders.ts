// What sorting needs of every passage, computed once per index value and kept in its memo: the
// passage's place among all passage ids (the sort's tie-break is the id, so two hits compare by one
// number instead of two strings), its date sort key (undated passages at UNDATED_SORT_DATE), and
// every passage in id order and in date order (a deep page of a large result whose hits share one
// score, or of a large date-sorted result, walks one of them instead of sorting).
import { UNDATED_SORT_DATE } from '../rules.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { dateNumber } from './segment.ts';

const UNDATED = dateNumber(UNDATED_SORT_DATE);
/** Date keys (yyyymmdd) and ranks packed as (LATEST_DATE − date) × RANK_LIMIT + rank stay exact doubles. */
const LATEST_DATE = 99_991_231;
const RANK_LIMIT = 2 ** 24;

export interface PassageOrders {
  /**
   * Per global passage number: its place in `sortedIds`. A deleted passage may share its id with a
   * live one; they get neighbouring places (only one of them is ever a hit).
   */
  idRanks: Int32Array;
  /** Every passage id in code-unit order. */
  sortedIds: string[];
  /** Per global passage number: its yyyymmdd date, or the undated sort date. */
  dates: Float64Array;
  /** Every global passage number by id. */
  byId: Int32Array;
  /** Every global passage number by date descending, then id. */
  byDate: Int32Array;
}

export function passageOrders(index: EmbeddedIndex): PassageOrders {
  let orders = index.memo.get('passage-orders') as PassageOrders | undefined;
  if (!orders) index.memo.set('passage-orders', (orders = computeOrders(index)));
  return orders;
}

function computeOrders(index: EmbeddedIndex): PassageOrders {
  if (index.maxDoc >= RANK_LIMIT) throw new Error(`at most ${RANK_LIMIT} passages can be sorted`);
  const ids = index.segments.flatMap((segment) => segment.ids);
  // The default sort compares UTF-16 code units, as `<` does on strings.
  const sortedIds = [...ids].sort();
  const nextRank = new Map<string, number>();
  for (let rank = sortedIds.length - 1; rank >= 0; rank--) nextRank.set(sortedIds[rank]!, rank);
  const idRanks = new Int32Array(index.maxDoc);
  const docOfRank = new Int32Array(index.maxDoc);
  const dates = new Float64Array(index.maxDoc);
  // Date descending then rank as one number, so the date order is a native numeric sort.
  const dateKeys = new Float64Array(index.maxDoc);
  index.segments.forEach((segment, s) => {
    const base = index.bases[s]!;
    for (let local = 0; local < segment.size; local++) {
      const doc = base + local;
      const id = segment.ids[local]!;
      const rank = nextRank.get(id)!;
      nextRank.set(id, rank + 1);
      idRanks[doc] = rank;
      docOfRank[rank] = doc;
      dates[doc] = segment.dates[local]! || UNDATED;
      dateKeys[doc] = (LATEST_DATE - dates[doc]!) * RANK_LIMIT + rank;
    }
  });
  const byDate = new Int32Array(index.maxDoc);
  dateKeys.sort().forEach((key, i) => (byDate[i] = docOfRank[key % RANK_LIMIT]!));
  return { idRanks, sortedIds, dates, byId: docOfRank, byDate };
}

/** How many passage ids sort at or before `id`: a passage comes after `id` when its rank is at least this. */
export function ranksUpTo({ sortedIds }: PassageOrders, id: string): number {
  let low = 0;
  let high = sortedIds.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedIds[middle]! <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}
