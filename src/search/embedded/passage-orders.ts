// What sorting needs of every passage, computed once per index value and kept in its memo: the
// passage's place among all passage ids (the sort's tie-break is the id, so two hits compare by one
// number instead of two strings) and its date sort key (undated passages at UNDATED_SORT_DATE).
import { UNDATED_SORT_DATE } from '../rules.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { dateNumber } from './segment.ts';

const UNDATED = dateNumber(UNDATED_SORT_DATE);

export interface PassageOrders {
  /** Per global passage number: how many passage ids sort before its id (equal ids, equal rank). */
  idRanks: Int32Array;
  /** Every passage id in code-unit order. */
  sortedIds: string[];
  /** Per global passage number: its yyyymmdd date, or the undated sort date. */
  dates: Float64Array;
}

export function passageOrders(index: EmbeddedIndex): PassageOrders {
  let orders = index.memo.get('passage-orders') as PassageOrders | undefined;
  if (!orders) index.memo.set('passage-orders', (orders = computeOrders(index)));
  return orders;
}

function computeOrders(index: EmbeddedIndex): PassageOrders {
  const ids = index.segments.flatMap((segment) => segment.ids);
  // The default sort compares UTF-16 code units, as `<` does on strings.
  const sortedIds = [...ids].sort();
  const rankOf = new Map<string, number>();
  sortedIds.forEach((id, rank) => {
    if (!rankOf.has(id)) rankOf.set(id, rank);
  });
  const idRanks = new Int32Array(index.maxDoc);
  const dates = new Float64Array(index.maxDoc);
  index.segments.forEach((segment, s) => {
    const base = index.bases[s]!;
    for (let local = 0; local < segment.size; local++) {
      idRanks[base + local] = rankOf.get(segment.ids[local]!)!;
      dates[base + local] = segment.dates[local]! || UNDATED;
    }
  });
  return { idRanks, sortedIds, dates };
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
