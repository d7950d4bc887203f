// Filters and disjunctive facet counts over the matching passages, as the Elasticsearch backend
// computes them: range filters narrow everything; facet filters are OR within a facet and AND
// across facets; each facet is counted with every facet filter applied except its own.
// Values listed per facet: the Elasticsearch backend's (the year facet feeds the histogram whole).
import type { IndexedPassage } from '../indexed-passage.ts';
import {
  facetNames,
  facetSize,
  type FacetCount,
  type FacetName,
  type SearchQuery,
} from '../query.ts';

export function facetValues(passage: IndexedPassage, facet: FacetName): string[] {
  switch (facet) {
    case 'theme':
      return passage.themes;
    case 'minister':
      return passage.minister === null ? [] : [passage.minister];
    case 'asker':
      return passage.asker === null ? [] : [passage.asker];
    case 'party':
      return passage.party === null ? [] : [passage.party];
    case 'year':
      return passage.year === null ? [] : [String(passage.year)];
    case 'type':
      return [passage.type];
    case 'organisation':
      return passage.organisations;
  }
}

/** Date and amount ranges: they apply to hits and facet counts alike. */
export function passesRanges(passage: IndexedPassage, query: SearchQuery): boolean {
  if (query.dateFrom !== undefined || query.dateTo !== undefined) {
    if (passage.date === null) return false;
    if (query.dateFrom !== undefined && passage.date < query.dateFrom) return false;
    if (query.dateTo !== undefined && passage.date > query.dateTo) return false;
  }
  if (query.amountMin !== undefined || query.amountMax !== undefined) {
    const min = query.amountMin ?? -Infinity;
    const max = query.amountMax ?? Infinity;
    if (!passage.amounts.some((amount) => amount >= min && amount <= max)) return false;
  }
  return true;
}

export interface FacetFilter {
  facet: FacetName;
  accepts: (passage: IndexedPassage) => boolean;
}

export function facetFilters(query: SearchQuery): FacetFilter[] {
  return facetNames.flatMap((facet) => {
    const selected = new Set<string>(query.filters[facet]);
    if (selected.size === 0) return [];
    return [
      {
        facet,
        accepts: (passage: IndexedPassage) =>
          facetValues(passage, facet).some((value) => selected.has(value)),
      },
    ];
  });
}

export interface FacetCounts {
  facets: Record<FacetName, FacetCount[]>;
  facetTotals: Record<FacetName, number>;
  histogram: { year: number; count: number }[];
}

const byCountThenValue = (a: FacetCount, b: FacetCount) =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/**
 * Counts over passages that passed the query and ranges, before any facet filter: of passages, or
 * with groupBy=document of distinct documents (what the grouped total counts).
 */
export function countFacets(
  passages: IndexedPassage[],
  filters: FacetFilter[],
  query: SearchQuery,
): FacetCounts {
  const grouped = query.groupBy === 'document';
  // Per facet value: the passages counted, or the documents seen (a set, when grouped).
  const counters = new Map<FacetName, Map<string, number | Set<string>>>(
    facetNames.map((facet) => [facet, new Map()]),
  );
  for (const passage of passages) {
    const failed = filters.filter((filter) => !filter.accepts(passage));
    if (failed.length > 1) continue;
    // Passing all filters: counts for every facet; failing one: counts only for that facet.
    const facets = failed.length === 1 ? [failed[0]!.facet] : facetNames;
    for (const facet of facets) {
      const counter = counters.get(facet)!;
      for (const value of new Set(facetValues(passage, facet))) {
        if (!grouped) counter.set(value, ((counter.get(value) as number | undefined) ?? 0) + 1);
        else if (counter.has(value)) (counter.get(value) as Set<string>).add(passage.documentId);
        else counter.set(value, new Set([passage.documentId]));
      }
    }
  }
  const sorted = (facet: FacetName) =>
    [...counters.get(facet)!]
      .map(([value, seen]) => ({ value, count: typeof seen === 'number' ? seen : seen.size }))
      .sort(byCountThenValue);
  const facets = Object.fromEntries(
    facetNames.map((facet) => [facet, sorted(facet).slice(0, facetSize(query, facet))]),
  ) as Record<FacetName, FacetCount[]>;
  const facetTotals = Object.fromEntries(
    facetNames.map((facet) => [facet, counters.get(facet)!.size]),
  ) as Record<FacetName, number>;
  const histogram = sorted('year')
    .map(({ value, count }) => ({ year: Number(value), count }))
    .sort((a, b) => a.year - b.year);
  return { facets, facetTotals, histogram };
}
