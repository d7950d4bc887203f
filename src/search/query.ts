// The query model shared by every backend and the HTTP API.
import { z } from 'zod';
import { PassageType, type Entity } from '../model/document.ts';
import { facetNames, type FacetName } from './facet-names.ts';
import { queryLimitViolation } from './query-bounds.ts';
import type { Relaxation, WordSuggestion } from './relaxed-matching.ts';
import { FACET_SIZE, MAX_FACET_SIZE } from './rules.ts';

export { facetNames, type FacetName };

export { FACET_SIZE, MAX_FACET_SIZE, MAX_RESULT_WINDOW } from './rules.ts';

export const MAX_QUERY_LENGTH = 500;
export const MAX_PAGE_SIZE = 100;

const values = z.array(z.string().min(1).max(200)).max(50).default([]);

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
  filters: z
    .object({
      theme: values,
      minister: values,
      asker: values,
      party: values,
      year: values,
      type: z.array(PassageType).max(4).default([]),
      organisation: values,
    })
    .default({
      theme: [],
      minister: [],
      asker: [],
      party: [],
      year: [],
      type: [],
      organisation: [],
    }),
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

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchHit {
  id: string;
  documentId: string;
  type: PassageType;
  number: number | null;
  title: string | null;
  date: string | null;
  themes: string[];
  asker: string | null;
  party: string | null;
  minister: string | null;
  score: number | null;
  /** HTML: escaped text with <mark> around matches; at most three fragments of ~160 characters. */
  highlights: string[];
  /** HTML: the whole title, escaped, with <mark> around the matches; absent when none matched. */
  titleHighlight?: string;
  /** Organisations and amounts found in the passage. */
  entities: Entity[];
  /** With groupBy=document: how many passages of this document match. */
  matchingPassages?: number;
}

export interface SearchResult {
  total: number;
  tookMs: number;
  hits: SearchHit[];
  /**
   * Disjunctive counts: each facet counted with every filter applied except its own. Counts are of
   * passages, or of documents with groupBy=document (like `total` and `histogram`).
   */
  facets: Record<FacetName, FacetCount[]>;
  /** How many distinct values each facet has under the same filters (more than it lists, often). */
  facetTotals: Record<FacetName, number>;
  /** Matches per year, for the chart (same filters as `facets.year`, ascending by year). */
  histogram: { year: number; count: number }[];
  /** Cursor for the page after this one (search_after), null on the last page. */
  nextCursor: string | null;
  /** Present when no passage held every word and the query ran looser (./relaxed-matching.ts). */
  relaxed?: Relaxation;
  /** Did you mean: the nearest indexed word for each query word the index does not hold. */
  suggestions?: WordSuggestion[];
  /** Present when the query holds only stopwords, which are not searched: those words. */
  stopwordsOnly?: string[];
}

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
