// Search in ascending arrays of passage numbers (a term's postings, the hits): one lower bound,
// and a galloping one for walks that move forward a little at a time. Int32Array only: called on
// arrays of other kinds too, the loads in its loop stopped being specialised and phrase queries
// slowed by a tenth.

/** The first place in [from, to) of the ascending `values` holding `target` or more; `to` if none. */
export function lowerBound(
  values: Int32Array,
  target: number,
  from = 0,
  to = values.length,
): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * lowerBound, galloping from `from` (steps of 1, 2, 4 … before the binary search): cheap when the
 * answer is near, as for candidates visited in order along a long posting row.
 */
export function gallop(values: Int32Array, target: number, from: number, to: number): number {
  if (from >= to || values[from]! >= target) return from;
  let step = 1;
  let low = from;
  while (low + step < to && values[low + step]! < target) {
    low += step;
    step *= 2;
  }
  return lowerBound(values, target, low, Math.min(low + step, to));
}
