// Filters and disjunctive facet counts over the matching passages, read from the index's integer
// columns, as the Elasticsearch backend computes them: range filters narrow everything; facet
// filters are OR within a facet and AND across facets; each facet is counted with every facet
// filter applied except its own. One pass over the matches does it all, segment by segment, on the
// segment's facet rows (./facet-rows.ts: every facet value of a passage side by side, as slots of
// one counter space), instead of a pass per facet and lists of which match counts where: a match
// passing every filter is a hit and counts for every facet, one failing a single filter counts for
// that facet only. With groupBy=document they count documents (what the grouped total counts): a
// value counts a document once, which needs only the last document counted per slot, since a
// document's passages have consecutive doc ids (they are added together, and merges keep the
// order) in one segment (an upsert deletes a document's older passages). The counts of the
// match-all query without filters are kept per index value (the landing page asks for them every
// time); passage counts without filters over more than half the live passages are taken from them
// minus the counts of the rest.
import { byCountThenValue, facetNames, type FacetName } from '../rules.ts';
import { facetSize, type FacetCount, type SearchQuery } from '../query.ts';
import type { DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { facetRows, passageDocuments, type FacetRows, type SlotArray } from './facet-rows.ts';
import { topK } from './ranking.ts';
import { dateNumber, type Rows, type Segment } from './segment.ts';
import { lowerBound } from './sorted-search.ts';

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

/** Per segment, the range [from, to) of `docs` (ascending) that lies in it. */
function segmentRanges(index: EmbeddedIndex, docs: Int32Array): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  for (let s = 0; s < index.segments.length; s++) {
    const end = s + 1 < index.segments.length ? index.bases[s + 1]! : index.maxDoc;
    const to = lowerBound(docs, end, from);
    ranges.push({ from, to });
    from = to;
  }
  return ranges;
}

/** The date and amount ranges of a query, as the columns hold them. */
interface Bounds {
  byDate: boolean;
  earliest: number;
  latest: number;
  byAmount: boolean;
  min: number;
  max: number;
}

/** The matches that pass the date and amount ranges (they apply to hits and facets alike). */
export function withinRanges(index: EmbeddedIndex, matches: DocSet, query: SearchQuery): DocSet {
  const byDate = query.dateFrom !== undefined || query.dateTo !== undefined;
  const byAmount = query.amountMin !== undefined || query.amountMax !== undefined;
  if (!byDate && !byAmount) return matches;
  const bounds: Bounds = {
    byDate,
    earliest: query.dateFrom === undefined ? 0 : dateNumber(query.dateFrom),
    latest: query.dateTo === undefined ? Infinity : dateNumber(query.dateTo),
    byAmount,
    min: query.amountMin ?? -Infinity,
    max: query.amountMax ?? Infinity,
  };
  const kept = new HitList(matches.docs.length);
  segmentRanges(index, matches.docs).forEach(({ from, to }, s) => {
    const range = { from, to, base: index.bases[s]! };
    keepWithinBounds(index.segments[s]!, matches, range, bounds, kept);
  });
  return kept.set();
}

/** Keeps the matches of one segment within the bounds. */
function keepWithinBounds(
  { dates, amounts }: Segment,
  { docs, scores }: DocSet,
  { from, to, base }: SegmentRange,
  { byDate, earliest, latest, byAmount, min, max }: Bounds,
  kept: HitList,
): void {
  for (let i = from; i < to; i++) {
    const local = docs[i]! - base;
    if (byDate) {
      const date = dates[local]!;
      if (date === 0 || date < earliest || date > latest) continue;
    }
    if (byAmount && !anyWithin(amounts, local, min, max)) continue;
    kept.add(docs[i]!, scores[i]!);
  }
}

/** Whether any amount of passage `local` lies in [min, max]. */
function anyWithin(
  { starts, values }: Rows<Float64Array>,
  local: number,
  min: number,
  max: number,
) {
  for (let a = starts[local]!; a < starts[local + 1]!; a++)
    if (values[a]! >= min && values[a]! <= max) return true;
  return false;
}

/** The matches kept by a filter, in order, written straight into arrays of the largest size. */
class HitList {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(capacity: number) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
  }

  add(doc: number, score: number): void {
    this.docs[this.size] = doc;
    this.scores[this.size++] = score;
  }

  set(): DocSet {
    return { docs: this.docs.subarray(0, this.size), scores: this.scores.subarray(0, this.size) };
  }
}

/** The selected value ids of one filtered facet. */
interface Selection {
  /** Index in facetNames. */
  f: number;
  ids: number[];
}

function selections(index: EmbeddedIndex, query: SearchQuery): Selection[] {
  return facetNames.flatMap((facet, f) => {
    const values = query.filters[facet];
    if (values.length === 0) return [];
    const ids = values.flatMap((value) => index.dictionaries[facet].idOf(value) ?? []);
    return [{ f, ids }];
  });
}

/**
 * Matches counted in one go: where their rows are is read for the whole block first, then each row
 * is touched, then counted, so the cache misses of a block's rows (read cold, after the query's
 * postings) overlap instead of coming one after the other, each waiting for the last. (A filter's
 * reads gain nothing from blocks: its columns are a fraction of the rows' bytes.)
 */
const BLOCK = 64;

/**
 * The filters in a segment's slot space: filter j sets bit j of accepted[slot] for each selected
 * value, so OR-ing accepted over a passage's slots of the filtered facets gives the filters it
 * passes. A filter reads its own facet only: a single-valued facet's column of slots
 * (FacetRows.columns), or a multi-valued facet's keyword rows (value ids, slot = low[j] + id).
 */
interface SegmentFilter {
  /** 32 bits: room for a filter on every facet. */
  accepted: Int32Array;
  /** One bit per filter. */
  every: number;
  /** The columns of the filtered single-valued facets. */
  columns: SlotArray[];
  /** The keyword rows of the filtered multi-valued facets, and the first slot of each. */
  multiValued: Rows<Int32Array>[];
  multiLow: Int32Array;
  /** Per filter j: its facet's column, or else its keyword rows. */
  column: (SlotArray | null)[];
  keywords: Rows<Int32Array>[];
  /** Per filter j: its facet's first slot. */
  low: Int32Array;
}

function segmentFilter(segment: Segment, rows: FacetRows, chosen: Selection[]): SegmentFilter {
  const { offsets } = rows;
  const accepted = new Int32Array(rows.noValue + 1);
  const column = chosen.map(({ f }) => rows.columns[f] ?? null);
  const keywords = chosen.map(({ f }) => segment.keywords[facetNames[f]!]);
  const low = Int32Array.from(chosen, ({ f }) => offsets[f]!);
  chosen.forEach(({ f, ids }, j) => {
    // A value the segment does not hold has no slot in it.
    for (const id of ids) if (low[j]! + id < offsets[f + 1]!) accepted[low[j]! + id]! |= 1 << j;
  });
  const multi = chosen.flatMap((_, j) => (column[j] ? [] : [j]));
  return {
    accepted,
    every: (1 << chosen.length) - 1,
    columns: column.filter((slots): slots is SlotArray => slots !== null),
    multiValued: multi.map((j) => keywords[j]!),
    multiLow: Int32Array.from(multi, (j) => low[j]!),
    column,
    keywords,
    low,
  };
}

/**
 * One segment's counts, per slot of its facet rows. Grouped by document, a slot counts a document
 * once: `last` holds the document it last counted (a document's matches are consecutive).
 */
class SegmentCounts {
  readonly counts: Int32Array;
  private readonly last: Int32Array | null;
  /** Per match of a block: where its row starts and ends, and its document (grouped). */
  private readonly rowFrom = new Int32Array(BLOCK);
  private readonly rowTo = new Int32Array(BLOCK);
  private readonly blockDocuments = new Int32Array(BLOCK);
  /** What touching the rows read (kept, so the reads are not dropped as unused). */
  touched = 0;

  constructor(
    private readonly rows: FacetRows,
    grouped: boolean,
  ) {
    this.counts = new Int32Array(rows.noValue + 1);
    this.last = grouped ? new Int32Array(rows.noValue + 1).fill(-1) : null;
  }

  /** Counts one slot for `document` (grouped) or for one passage. */
  add(slot: number, document: number): void {
    if (this.last !== null) {
      if (this.last[slot] === document) return;
      this.last[slot] = document;
    }
    this.counts[slot]!++;
  }

  /** Reads where the rows of a block's matches docs[block …] are and touches each. */
  private fetchRows(
    docs: Int32Array,
    block: number,
    size: number,
    base: number,
    documents: Int32Array | null,
  ): void {
    const { starts, slots } = this.rows;
    const { rowFrom, rowTo, blockDocuments } = this;
    let touched = 0;
    for (let k = 0; k < size; k++) {
      const local = docs[block + k]! - base;
      rowFrom[k] = starts[local]!;
      rowTo[k] = starts[local + 1]!;
      if (documents !== null) blockDocuments[k] = documents[local]!;
    }
    for (let k = 0; k < size; k++) touched |= slots[rowFrom[k]!]!;
    this.touched = touched;
  }

  /** Counts every facet value of the k-th match of the block fetched. */
  private countRow(k: number): void {
    const { slots } = this.rows;
    const [from, to] = [this.rowFrom[k]!, this.rowTo[k]!];
    if (this.last === null) for (let v = from; v < to; v++) this.counts[slots[v]!]!++;
    else for (let v = from; v < to; v++) this.add(slots[v]!, this.blockDocuments[k]!);
  }

  /** Counts every facet value of the matches docs[from … to − 1] of the segment, block by block. */
  matches(docs: Int32Array, { from, to, base }: SegmentRange, documents: Int32Array | null): void {
    for (let block = from; block < to; block += BLOCK) {
      const size = Math.min(BLOCK, to - block);
      this.fetchRows(docs, block, size, base, documents);
      for (let k = 0; k < size; k++) this.countRow(k);
    }
  }

  /** Counts every facet value of passage `local`. */
  passage(local: number, document: number): void {
    const { starts, slots } = this.rows;
    for (let v = starts[local]!; v < starts[local + 1]!; v++) this.add(slots[v]!, document);
  }

  /** Counts the values of passage `local` in filter j's facet only. */
  facet(local: number, document: number, filter: SegmentFilter, j: number): void {
    const column = filter.column[j]!;
    if (column !== null) return this.add(column[local]!, document);
    const { starts, values } = filter.keywords[j]!;
    const low = filter.low[j]!;
    for (let v = starts[local]!; v < starts[local + 1]!; v++) this.add(low + values[v]!, document);
  }

  /** Adds these counts to the per-facet counters (indexed by value id). */
  addTo(counters: Int32Array[]): void {
    const { offsets } = this.rows;
    counters.forEach((counter, f) => {
      const from = offsets[f]!;
      const values = offsets[f + 1]! - from;
      for (let id = 0; id < values; id++) counter[id]! += this.counts[from + id]!;
    });
  }
}

/**
 * Applies the facet filters to `matches` (already within the ranges) and, when asked, counts the
 * facets, in one pass over the matches (see the top of this file); only the facetSize() most
 * frequent values are put in order.
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

  if (chosen.length === 0) {
    const counters = countersOver(index, matches.docs, grouped);
    if (!plainMatchAll) return { hits: matches, counts: topCounts(index, counters, query) };
    const all = allCounts(index, counters);
    index.memo.set(cacheKey, all);
    return { hits: matches, counts: sized(all, query) };
  }
  const counters = count ? emptyCounters(index) : null;
  const kept = new HitList(matches.docs.length);
  segmentRanges(index, matches.docs).forEach(({ from, to }, s) => {
    if (from === to) return;
    const segment = index.segments[s]!;
    const rows = facetRows(segment);
    const counts = counters ? new SegmentCounts(rows, grouped) : null;
    const documents = grouped ? passageDocuments(segment) : null;
    const range = { from, to, base: index.bases[s]! };
    filterSegment(matches, range, segmentFilter(segment, rows, chosen), kept, counts, documents);
    if (counters) counts!.addTo(counters);
  });
  return { hits: kept.set(), counts: counters ? topCounts(index, counters, query) : null };
}

const emptyCounters = (index: EmbeddedIndex) =>
  facetNames.map((facet) => new Int32Array(index.dictionaries[facet].size));

/**
 * Per facet the counts over `docs`, without filters. A set of more than half the live passages is
 * counted the cheaper way round: the live passages outside it are counted and their counts taken
 * from the match-all counts (by passage only: a document may have passages on both sides).
 */
function countersOver(index: EmbeddedIndex, docs: Int32Array, grouped: boolean): Int32Array[] {
  const outside = !grouped && docs.length * 2 > index.liveCount ? liveOutside(index, docs) : null;
  if (outside === null) return countEvery(index, docs, grouped);
  const all = matchAllCounters(index);
  return countEvery(index, outside, false).map((rest, f) =>
    rest.map((count, id) => (all[f]![id] ?? 0) - count),
  );
}

/** Per facet the passage count of each value over every live passage, made once per index value. */
function matchAllCounters(index: EmbeddedIndex): Int32Array[] {
  let counters = index.memo.get('facets:match-all-counters') as Int32Array[] | undefined;
  if (!counters) {
    counters = countEvery(index, index.liveDocs(), false);
    index.memo.set('facets:match-all-counters', counters);
  }
  return counters;
}

/** The live passages (ascending) not in `docs`; null when some of `docs` is not a live passage. */
function liveOutside(index: EmbeddedIndex, docs: Int32Array): Int32Array | null {
  const outside = new Int32Array(Math.max(0, index.liveCount - docs.length));
  let n = 0;
  let k = 0;
  for (let s = 0; s < index.segments.length; s++) {
    const dead = index.deleted[s]!;
    const base = index.bases[s]!;
    for (let local = 0; local < dead.length; local++) {
      if (dead[local]) continue;
      if (docs[k] === base + local) k++;
      else if (n < outside.length) outside[n++] = base + local;
      else return null;
    }
  }
  return k === docs.length && n === outside.length ? outside : null;
}

/** Per facet the counts over `docs` (passages, or documents when grouped), without filters. */
function countEvery(index: EmbeddedIndex, docs: Int32Array, grouped: boolean): Int32Array[] {
  const counters = emptyCounters(index);
  segmentRanges(index, docs).forEach(({ from, to }, s) => {
    if (from === to) return;
    const segment = index.segments[s]!;
    const counts = new SegmentCounts(facetRows(segment), grouped);
    const documents = grouped ? passageDocuments(segment) : null;
    counts.matches(docs, { from, to, base: index.bases[s]! }, documents);
    counts.addTo(counters);
  });
  return counters;
}

/** The matches docs[from … to − 1] of one segment, whose first passage is number `base`. */
interface SegmentRange {
  from: number;
  to: number;
  base: number;
}

/**
 * Keeps the matches of one segment that pass every filter and, with `counts`, counts them for every
 * facet, and those failing a single filter for that filter's facet.
 */
function filterSegment(
  matches: DocSet,
  { from, to, base }: SegmentRange,
  filter: SegmentFilter,
  kept: HitList,
  counts: SegmentCounts | null,
  documents: Int32Array | null,
): void {
  const { accepted, every, columns, multiValued, multiLow } = filter;
  const { docs, scores } = matches;
  for (let i = from; i < to; i++) {
    const local = docs[i]! - base;
    let passed = 0;
    for (let c = 0; c < columns.length; c++) passed |= accepted[columns[c]![local]!]!;
    for (let m = 0; m < multiValued.length; m++) {
      const { starts, values } = multiValued[m]!;
      for (let v = starts[local]!; v < starts[local + 1]!; v++)
        passed |= accepted[multiLow[m]! + values[v]!]!;
    }
    const failed = every & ~passed;
    if (failed === 0) kept.add(docs[i]!, scores[i]!);
    if (counts === null) continue;
    const document = documents ? documents[local]! : -1;
    if (failed === 0) counts.passage(local, document);
    // A single bit: the one filter it failed.
    else if ((failed & (failed - 1)) === 0)
      counts.facet(local, document, filter, 31 - Math.clz32(failed));
  }
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
