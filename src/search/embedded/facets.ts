// Filters and disjunctive facet counts over the matching passages, read from the index's integer
// columns, as the Elasticsearch backend computes them: range filters narrow everything; facet
// filters are OR within a facet and AND across facets; each facet is counted with every facet
// filter applied except its own, by a counting loop over value ids. With groupBy=document they count
// documents (what the grouped total counts): a value counts a document once, which needs only the
// last document counted per value, since a document's passages have consecutive doc ids (they are
// added together, and merges keep the order). The counts of the match-all query without filters are
// kept per index value (the landing page asks for them every time).
import { byCountThenValue, facetNames, type FacetName } from '../rules.ts';
import { facetSize, type FacetCount, type SearchQuery } from '../query.ts';
import type { DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { dateNumber } from './segment.ts';

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

function accepts(index: EmbeddedIndex, s: number, local: number, selection: Selection): boolean {
  const { starts, values } = index.segments[s]!.keywords[selection.facet];
  for (let v = starts[local]!; v < starts[local + 1]!; v++) {
    if (selection.accepted[values[v]!]) return true;
  }
  return false;
}

/**
 * Applies the facet filters to `matches` (already within the ranges) and, when asked, counts the
 * facets: a passage passing every filter counts for every facet, one failing a single filter
 * counts for that facet only.
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

  const counters = count
    ? facetNames.map((facet) => new Int32Array(index.dictionaries[facet].size))
    : [];
  // Grouped: per facet value, the document (value id) it last counted.
  const lastDocuments =
    count && grouped
      ? facetNames.map((facet) => new Int32Array(index.dictionaries[facet].size).fill(-1))
      : null;
  const keep = new Uint8Array(matches.docs.length);
  let kept = 0;
  forEachLocated(index, matches.docs, (s, local, i) => {
    let failed = -1;
    let failures = 0;
    for (const selection of chosen) {
      if (accepts(index, s, local, selection)) continue;
      failures++;
      failed = facetNames.indexOf(selection.facet);
      if (failures > 1) return;
    }
    if (failures === 0) {
      keep[i] = 1;
      kept++;
    }
    if (!count) return;
    const keywords = index.segments[s]!.keywords;
    const document = keywords.document.values[keywords.document.starts[local]!]!;
    for (let f = 0; f < facetNames.length; f++) {
      if (failures === 1 && f !== failed) continue;
      const { starts, values } = keywords[facetNames[f]!];
      const counter = counters[f]!;
      const last = lastDocuments?.[f];
      for (let v = starts[local]!; v < starts[local + 1]!; v++) {
        const value = values[v]!;
        if (last) {
          if (last[value] === document) continue;
          last[value] = document;
        }
        counter[value]!++;
      }
    }
  });
  const all = count ? allCounts(index, counters) : null;
  if (all && plainMatchAll) index.memo.set(cacheKey, all);
  return { hits: select(matches, keep, kept), counts: all ? sized(all, query) : null };
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
  const histogram = sorted[facetNames.indexOf('year')]!.map(({ value, count }) => ({
    year: Number(value),
    count,
  })).sort((a, b) => a.year - b.year);
  return { sorted, histogram };
}

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
