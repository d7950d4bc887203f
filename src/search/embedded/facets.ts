// Filters and disjunctive facet counts over the matching passages, read from the index's integer
// columns, as the Elasticsearch backend computes them: range filters narrow everything; facet
// filters are OR within a facet and AND across facets; each facet is counted with every facet
// filter applied except its own, by a counting loop over value ids. With groupBy=document they count
// documents (what the grouped total counts): a value counts a document once, which needs only the
// last document counted per value, since a document's passages have consecutive doc ids (they are
// added together, and merges keep the order). The counts of the match-all query without filters are
// kept per index value (the landing page asks for them every time); passage counts over a set of
// more than half the live passages are taken from them minus the counts of the rest.
import { byCountThenValue, facetNames, type FacetName } from '../rules.ts';
import { facetSize, type FacetCount, type SearchQuery } from '../query.ts';
import type { DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { topK } from './ranking.ts';
import { dateNumber, type Rows } from './segment.ts';

export interface FacetCounts {
  /** Per facet its most frequent values, as many as facetSize() says. */
  facets: Record<FacetName, FacetCount[]>;
  /** Per facet the number of distinct values counted. */
  facetTotals: Record<FacetName, number>;
  histogram: { year: number; count: number }[];
}

/** Every counted value per facet, in facet order (what is kept per index value). */
interface AllCounts {
  sorted: FacetCount[][];
  histogram: { year: number; count: number }[];
}

/** Calls fn for each passage of `docs` (ascending) with its segment number and local id. */
function forEachLocated(
  index: EmbeddedIndex,
  docs: Int32Array,
  fn: (s: number, local: number, i: number) => void,
): void {
  let s = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    while (s + 1 < index.segments.length && index.bases[s + 1]! <= doc) s++;
    fn(s, doc - index.bases[s]!, i);
  }
}

/** The matches that pass the date and amount ranges (they apply to hits and facets alike). */
export function withinRanges(index: EmbeddedIndex, matches: DocSet, query: SearchQuery): DocSet {
  const byDate = query.dateFrom !== undefined || query.dateTo !== undefined;
  const byAmount = query.amountMin !== undefined || query.amountMax !== undefined;
  if (!byDate && !byAmount) return matches;
  const from = query.dateFrom === undefined ? 0 : dateNumber(query.dateFrom);
  const to = query.dateTo === undefined ? Infinity : dateNumber(query.dateTo);
  const min = query.amountMin ?? -Infinity;
  const max = query.amountMax ?? Infinity;
  const keep = new Uint8Array(matches.docs.length);
  let n = 0;
  forEachLocated(index, matches.docs, (s, local, i) => {
    const segment = index.segments[s]!;
    if (byDate) {
      const date = segment.dates[local]!;
      if (date === 0 || date < from || date > to) return;
    }
    if (byAmount) {
      const { starts, values } = segment.amounts;
      let found = false;
      for (let a = starts[local]!; a < starts[local + 1]! && !found; a++) {
        found = values[a]! >= min && values[a]! <= max;
      }
      if (!found) return;
    }
    keep[i] = 1;
    n++;
  });
  return select(matches, keep, n);
}

function select(set: DocSet, keep: Uint8Array, count: number): DocSet {
  const docs = new Int32Array(count);
  const scores = new Float64Array(count);
  let n = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    docs[n] = set.docs[i]!;
    scores[n++] = set.scores[i]!;
  }
  return { docs, scores };
}

interface Selection {
  facet: FacetName;
  /** 1 for a selected value id. */
  accepted: Uint8Array;
}

function selections(index: EmbeddedIndex, query: SearchQuery): Selection[] {
  return facetNames.flatMap((facet) => {
    const values = query.filters[facet];
    if (values.length === 0) return [];
    const dictionary = index.dictionaries[facet];
    const accepted = new Uint8Array(dictionary.size);
    for (const value of values) {
      const id = dictionary.idOf(value);
      if (id !== undefined) accepted[id] = 1;
    }
    return [{ facet, accepted }];
  });
}

/** Per segment, the range [from, to) of `docs` (ascending) that lies in it. */
function segmentRanges(index: EmbeddedIndex, docs: Int32Array): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let i = 0;
  for (let s = 0; s < index.segments.length; s++) {
    const end = s + 1 < index.segments.length ? index.bases[s + 1]! : index.maxDoc;
    const from = i;
    while (i < docs.length && docs[i]! < end) i++;
    ranges.push({ from, to: i });
  }
  return ranges;
}

/** What a match passed: PASSED every facet filter, FAILED_SEVERAL, or else the one facet it failed. */
const PASSED = -1;
const FAILED_SEVERAL = -2;

/**
 * Applies the facet filters to `matches` (already within the ranges) and, when asked, counts the
 * facets: a passage passing every filter counts for every facet, one failing a single filter
 * counts for that facet only. Counting runs facet by facet over the integer columns (one tight loop
 * each); only the facetSize() most frequent values are put in order.
 */
export function filterAndCount(
  index: EmbeddedIndex,
  matches: DocSet,
  query: SearchQuery,
  count: boolean,
): { hits: DocSet; counts: FacetCounts | null } {
  const chosen = selections(index, query);
  const grouped = query.groupBy === 'document';
  const cacheKey = `facets:match-all:${grouped ? 'documents' : 'passages'}`;
  const cached = index.memo.get(cacheKey) as AllCounts | undefined;
  const plainMatchAll = chosen.length === 0 && matches.docs.length === index.liveCount;
  if (chosen.length === 0 && (!count || (plainMatchAll && cached)))
    return { hits: matches, counts: count ? sized(cached!, query) : null };

  const ranges = segmentRanges(index, matches.docs);
  const outcome = filterOutcomes(index, matches.docs, ranges, chosen);
  const keep = new Uint8Array(outcome.length);
  let kept = 0;
  for (let i = 0; i < outcome.length; i++) if (outcome[i] === PASSED) kept += keep[i] = 1;
  const hits = kept === matches.docs.length ? matches : select(matches, keep, kept);
  if (!count) return { hits, counts: null };

  const documents = grouped ? documentsOf(index, matches.docs, ranges) : null;
  const counted = countedMatches(outcome, chosen);
  const counters = documents
    ? facetNames.map((_, f) => countFacet(index, matches.docs, counted[f] ?? null, f, documents))
    : passageCounters(index, matches.docs, counted);
  if (plainMatchAll) {
    const all = allCounts(index, counters);
    index.memo.set(cacheKey, all);
    return { hits, counts: sized(all, query) };
  }
  return { hits, counts: topCounts(index, counters, query) };
}

/** Per facet the passage count of each value over every live passage, made once per index value. */
function matchAllCounters(index: EmbeddedIndex): Int32Array[] {
  let counters = index.memo.get('facets:match-all-counters') as Int32Array[] | undefined;
  if (!counters) {
    const live = index.liveDocs();
    counters = facetNames.map((_, f) => countFacet(index, live, null, f, null));
    index.memo.set('facets:match-all-counters', counters);
  }
  return counters;
}

/**
 * Per facet the passage counts over its counted matches (countedMatches). A set holding more than
 * half the live passages is counted the cheaper way round: the live passages outside it are
 * counted and their counts taken from the match-all counts (a multi-valued passage subtracts
 * each of its values, as it added each). Facets counted over the same set share its complement.
 */
function passageCounters(
  index: EmbeddedIndex,
  docs: Int32Array,
  counted: (Int32Array | null)[],
): Int32Array[] {
  const complements = new Map<Int32Array | null, Int32Array | null>();
  return facetNames.map((_, f) => {
    const positions = counted[f] ?? null;
    const size = positions ? positions.length : docs.length;
    if (size * 2 <= index.liveCount) return countFacet(index, docs, positions, f, null);
    if (!complements.has(positions))
      complements.set(positions, liveOutside(index, docs, positions, size));
    const outside = complements.get(positions)!;
    if (outside === null) return countFacet(index, docs, positions, f, null);
    const all = matchAllCounters(index)[f]!;
    const counter = countFacet(index, outside, null, f, null);
    for (let id = 0; id < counter.length; id++) counter[id] = (all[id] ?? 0) - counter[id]!;
    return counter;
  });
}

/**
 * The live passages (ascending) not among the matches at `positions` (null: every match); null
 * when some match is not a live passage, so that the subtraction would be wrong.
 */
function liveOutside(
  index: EmbeddedIndex,
  docs: Int32Array,
  positions: Int32Array | null,
  size: number,
): Int32Array | null {
  const outside = new Int32Array(Math.max(0, index.liveCount - size));
  let n = 0;
  let k = 0;
  let next = size > 0 ? docs[positions ? positions[0]! : 0]! : -1;
  for (let s = 0; s < index.segments.length; s++) {
    const dead = index.deleted[s]!;
    const base = index.bases[s]!;
    for (let local = 0; local < dead.length; local++) {
      if (dead[local]) continue;
      const doc = base + local;
      if (doc === next) {
        k++;
        next = k < size ? docs[positions ? positions[k]! : k]! : -1;
      } else if (n < outside.length) outside[n++] = doc;
      else return null;
    }
  }
  return k === size && n === outside.length ? outside : null;
}

/** Per match: PASSED, FAILED_SEVERAL or the index in facetNames of the one filter it failed. */
function filterOutcomes(
  index: EmbeddedIndex,
  docs: Int32Array,
  ranges: { from: number; to: number }[],
  chosen: Selection[],
): Int8Array {
  const outcome = new Int8Array(docs.length).fill(PASSED);
  for (const { facet, accepted } of chosen) {
    const f = facetNames.indexOf(facet);
    ranges.forEach(({ from, to }, s) => {
      const column = index.segments[s]!.keywords[facet];
      const { starts, values } = column;
      const single = singleValued(column);
      const base = index.bases[s]!;
      for (let i = from; i < to; i++) {
        if (outcome[i] === FAILED_SEVERAL) continue;
        const local = docs[i]! - base;
        let found = false;
        if (single !== null)
          found = single[local] !== NO_VALUE && accepted[single[local]! - 1] === 1;
        else
          for (let v = starts[local]!; v < starts[local + 1]! && !found; v++)
            found = accepted[values[v]!] === 1;
        if (!found) outcome[i] = outcome[i] === PASSED ? f : FAILED_SEVERAL;
      }
    });
  }
  return outcome;
}

/** The document (value id) of each match. */
function documentsOf(
  index: EmbeddedIndex,
  docs: Int32Array,
  ranges: { from: number; to: number }[],
): Int32Array {
  const documents = new Int32Array(docs.length);
  ranges.forEach(({ from, to }, s) => {
    const { starts, values } = index.segments[s]!.keywords.document;
    const base = index.bases[s]!;
    for (let i = from; i < to; i++) documents[i] = values[starts[docs[i]! - base]!]!;
  });
  return documents;
}

/** A passage without a value in a single-valued column (./facets.ts singleValued). */
const NO_VALUE = 0;
const singleValues = new WeakMap<Rows<Int32Array>, Int32Array | null>();

/**
 * A column whose passages hold at most one value each, as one slot per passage: the value id + 1,
 * NO_VALUE (0) for none. Made once per segment: counting it reads one array, without a branch
 * (slot 0 of a counter collects the passages without a value).
 */
function singleValued(column: Rows<Int32Array>): Int32Array | null {
  let single = singleValues.get(column);
  if (single === undefined) {
    const { starts, values } = column;
    const size = starts.length - 1;
    single = new Int32Array(size);
    for (let local = 0; local < size && single; local++) {
      const count = starts[local + 1]! - starts[local]!;
      if (count > 1) single = null;
      else single[local] = count === 0 ? NO_VALUE : values[starts[local]!]! + 1;
    }
    singleValues.set(column, single);
  }
  return single;
}

/**
 * Per facet, the matches (positions in `docs`, ascending) it is counted over: those that passed
 * every filter, and those that failed its own filter only; null for all of them.
 */
function countedMatches(outcome: Int8Array, chosen: Selection[]): (Int32Array | null)[] {
  if (chosen.length === 0) return facetNames.map(() => null);
  const sizes = new Int32Array(facetNames.length + 1);
  for (let i = 0; i < outcome.length; i++)
    if (outcome[i]! !== FAILED_SEVERAL) sizes[outcome[i]! + 1]!++;
  const lists = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(lists.length);
  for (let i = 0; i < outcome.length; i++) {
    const list = outcome[i]! + 1;
    if (list >= 0) lists[list]![filled[list]!++] = i;
  }
  const passed = lists[0]!;
  return facetNames.map((_, f) =>
    sizes[f + 1] === 0 ? passed : mergeAscending(passed, lists[f + 1]!),
  );
}

function mergeAscending(a: Int32Array, b: Int32Array): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let n = 0; n < merged.length; n++)
    merged[n] = j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!;
  return merged;
}

/** The first k in [from, count) whose passage is `limit` or later (passages ascend with k). */
function firstAtOrAfter(
  docs: Int32Array,
  positions: Int32Array | null,
  from: number,
  count: number,
  limit: number,
): number {
  let low = from;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (docs[positions ? positions[middle]! : middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Counts facet `f` over the matches at `positions` (ascending; null: every match). With
 * `documents` (grouped), a value counts a document once: its passages are consecutive. Counters
 * are shifted by one (slot 0: no value) so the loops over single-valued columns need no branch.
 */
function countFacet(
  index: EmbeddedIndex,
  docs: Int32Array,
  positions: Int32Array | null,
  f: number,
  documents: Int32Array | null,
): Int32Array {
  const facet = facetNames[f]!;
  const counter = new Int32Array(index.dictionaries[facet].size + 1);
  const last = documents ? new Int32Array(counter.length).fill(-1) : null;
  const count = positions ? positions.length : docs.length;
  let n = 0;
  for (let s = 0; s < index.segments.length && n < count; s++) {
    const column = index.segments[s]!.keywords[facet];
    const { starts, values } = column;
    const base = index.bases[s]!;
    const next = s + 1 < index.segments.length ? index.bases[s + 1]! : index.maxDoc;
    const end = firstAtOrAfter(docs, positions, n, count, next);
    const single = last === null ? singleValued(column) : null;
    if (single !== null) {
      for (; n < end; n++) counter[single[docs[positions ? positions[n]! : n]! - base]!]!++;
    } else if (last === null) {
      for (; n < end; n++) {
        const local = docs[positions ? positions[n]! : n]! - base;
        for (let v = starts[local]!; v < starts[local + 1]!; v++) counter[values[v]! + 1]!++;
      }
    } else {
      for (; n < end; n++) {
        const i = positions ? positions[n]! : n;
        const local = docs[i]! - base;
        const document = documents![i]!;
        for (let v = starts[local]!; v < starts[local + 1]!; v++) {
          const slot = values[v]! + 1;
          if (last[slot] === document) continue;
          last[slot] = document;
          counter[slot]!++;
        }
      }
    }
  }
  return counter.subarray(1);
}

function allCounts(index: EmbeddedIndex, counters: Int32Array[]): AllCounts {
  const sorted = facetNames.map((facet, f) => {
    const values = index.dictionaries[facet].values;
    const list: FacetCount[] = [];
    counters[f]!.forEach((count, id) => {
      if (count > 0) list.push({ value: values[id]!, count });
    });
    return list.sort(byCountThenValue);
  });
  return { sorted, histogram: histogramOf(sorted[facetNames.indexOf('year')]!) };
}

const histogramOf = (years: FacetCount[]) =>
  years.map(({ value, count }) => ({ year: Number(value), count })).sort((a, b) => a.year - b.year);

/** The counts as the query asks for them: facetSize() values per facet. */
function sized({ sorted, histogram }: AllCounts, query: SearchQuery): FacetCounts {
  const facets = Object.fromEntries(
    facetNames.map((facet, f) => [facet, sorted[f]!.slice(0, facetSize(query, facet))]),
  ) as Record<FacetName, FacetCount[]>;
  const facetTotals = Object.fromEntries(
    facetNames.map((facet, f) => [facet, sorted[f]!.length]),
  ) as Record<FacetName, number>;
  return { facets, facetTotals, histogram };
}

/** Per facet only its facetSize() most frequent values in order (the histogram takes every year). */
function topCounts(index: EmbeddedIndex, counters: Int32Array[], query: SearchQuery): FacetCounts {
  const ranks = valueRanks(index);
  const facets = {} as Record<FacetName, FacetCount[]>;
  const facetTotals = {} as Record<FacetName, number>;
  let histogram: FacetCounts['histogram'] = [];
  facetNames.forEach((facet, f) => {
    const counter = counters[f]!;
    const counted: number[] = [];
    for (let id = 0; id < counter.length; id++) if (counter[id]! > 0) counted.push(id);
    const { values } = index.dictionaries[facet];
    const toCount = (id: number): FacetCount => ({ value: values[id]!, count: counter[id]! });
    const order = { values: counter, ranks: ranks[f]! };
    facets[facet] = topK(order, counted, facetSize(query, facet)).map(toCount);
    facetTotals[facet] = counted.length;
    if (facet === 'year') histogram = histogramOf(counted.map(toCount));
  });
  return { facets, facetTotals, histogram };
}

/** Per facet, each value id's place among the facet's values in code-unit order (ties in count). */
function valueRanks(index: EmbeddedIndex): Int32Array[] {
  let ranks = index.memo.get('facets:value-ranks') as Int32Array[] | undefined;
  if (!ranks) {
    ranks = facetNames.map((facet) => {
      const { values } = index.dictionaries[facet];
      const ids = values.map((_, id) => id).sort((a, b) => (values[a]! < values[b]! ? -1 : 1));
      const rank = new Int32Array(values.length);
      ids.forEach((id, place) => (rank[id] = place));
      return rank;
    });
    index.memo.set('facets:value-ranks', ranks);
  }
  return ranks;
}
