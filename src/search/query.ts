// The query model shared by every backend and the HTTP API.
import { z } from 'zod';
import { facets, facetNames, type Facet, type FacetName } from '../model/facets.ts';
import type { FacetCount } from './search-result.ts';
import { queryLimitViolation } from './query-bounds.ts';
import { FACET_SIZE, MAX_FACET_SIZE } from './rules.ts';

export { facetNames, type FacetName };
export type { FacetCount, SearchHit, SearchResult } from './search-result.ts';

export { FACET_SIZE, MAX_FACET_SIZE, MAX_RESULT_WINDOW } from './rules.ts';

export const MAX_QUERY_LENGTH = 500;
export const MAX_PAGE_SIZE = 100;

const values = z.array(z.string().min(1).max(200)).max(50).default([]);
const fixedValues = <V extends readonly [string, ...string[]]>(fixed: V) =>
  z.array(z.enum(fixed)).max(fixed.length).default([]);

type FilterSchema<F extends Facet> = F extends {
  values: infer V extends readonly [string, ...string[]];
}
  ? ReturnType<typeof fixedValues<V>>
  : typeof values;

/** Per facet the values it is filtered on: any of them (OR), and across facets all (AND). */
export const Filters = z.object(
  Object.fromEntries(
    facets.map((facet) => [facet.name, 'values' in facet ? fixedValues(facet.values) : values]),
  ) as { [F in Facet as F['name']]: FilterSchema<F> },
);
export type Filters = z.infer<typeof Filters>;
export type FiltersInput = z.input<typeof Filters>;

export const SearchQuery = z.object({
  /**
   * User text, simple_query_string syntax: terms are ANDed; "phrase"; -exclude; a | b; prefix*;
   * (grouping); term~1 (fuzzy); "a phrase"~2 (slop).
   * Empty means "match everything" (filter-only query).
   */
  q: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .superRefine((q, context) => {
      const violation = queryLimitViolation(q);
      if (violation !== null) context.addIssue({ code: 'custom', message: violation });
    })
    .default(''),
  filters: Filters.prefault({}),
  /** Passages naming at least one amount within [amountMin, amountMax] euro. */
  amountMin: z.number().nonnegative().optional(),
  amountMax: z.number().nonnegative().optional(),
  dateFrom: z.iso.date().optional(),
  dateTo: z.iso.date().optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  /** 1-based page; for deep paging use `after` instead. */
  page: z.number().int().min(1).max(10_000).default(1),
  size: z.number().int().min(0).max(MAX_PAGE_SIZE).default(20),
  /** Opaque cursor from a previous result's `nextCursor` (search_after). */
  after: z.string().max(2000).optional(),
  groupBy: z.enum(['document']).optional(),
  /** Facet counts and histogram; a caller that only lists passages (the export) leaves them out. */
  facets: z.boolean().default(true),
  /** Values to list for a facet instead of FACET_SIZE, e.g. { asker: 5000 } for all askers. */
  facetSizes: z
    .partialRecord(z.enum(facetNames), z.number().int().min(1).max(MAX_FACET_SIZE))
    .default({}),
  /** Highlight fragments; likewise left out by a caller that needs none. */
  highlight: z.boolean().default(true),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;

/** Values listed for a facet: FACET_SIZE unless the query asks for more. */
export const facetSize = (query: SearchQuery, facet: FacetName): number =>
  query.facetSizes[facet] ?? FACET_SIZE;

/**
 * The order hits come in. Without search text every passage scores alike, so "relevance" would be
 * arbitrary: the newest come first instead.
 */
export const effectiveSort = (query: SearchQuery): SearchQuery['sort'] =>
  query.q.trim() === '' ? 'date' : query.sort;

export const emptyFacetTotals = (): Record<FacetName, number> =>
  Object.fromEntries(facetNames.map((facet) => [facet, 0])) as unknown as Record<FacetName, number>;

/** Facets with no counts: before anything is indexed, or when a query asks for none. */
export const emptyFacets = (): Record<FacetName, FacetCount[]> =>
  Object.fromEntries(facetNames.map((facet) => [facet, []])) as unknown as Record<
    FacetName,
    FacetCount[]
  >;
