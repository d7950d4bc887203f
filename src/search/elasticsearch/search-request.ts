// Translates the query model (src/search/query.ts) into one Elasticsearch search request:
// text match + range filters in `query`, facet filters in `post_filter` so that every facet can be
// counted disjunctively (each facet's aggregation is filtered by all facet filters except its own).
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import {
  effectiveSort,
  facetNames,
  facetSize,
  type FacetName,
  type SearchQuery,
} from '../query.ts';
import { beyondResultWindow, PagingError, type Cursor } from '../cursor.ts';
import { checkQueryBounds } from '../query-bounds.ts';
import {
  FRAGMENT_SIZE,
  FUZZY_MAX_EXPANSIONS,
  MAX_FRAGMENTS,
  MAX_RESULT_WINDOW,
  QUERY_TIME_BUDGET_MS,
  UNDATED_SORT_DATE,
} from '../rules.ts';
import { queryWithVariants } from '../compound-variants.ts';
import { namesAsPhrases } from '../names-as-phrases.ts';
import { hitDocumentFieldNames } from '../search-result.ts';
import { exactSuffix, facetField, textFields } from './fields.ts';

/** Year buckets fetched: enough for every year, since the same buckets feed the histogram. */
const YEAR_BUCKETS = 500;
/** Sort value of undated passages, in epoch milliseconds. */
const UNDATED = Date.parse(`${UNDATED_SORT_DATE}T00:00:00Z`);

export const facetAggregationName = (facet: FacetName) => `facet_${facet}`;
/** Per facet: its distinct values; per bucket with groupBy=document: its distinct documents. */
export const VALUE_COUNT = 'value_count';
export const BUCKET_DOCUMENTS = 'documents';
/** Below this many, cardinality counts are exact in practice (HyperLogLog++ switches over above). */
const CARDINALITY_PRECISION = 40_000;
export const DOCUMENT_COUNT_AGGREGATION = 'documents';
export const MATCHING_PASSAGES = 'matching_passages';
/**
 * The stored fields a hit shows (./search-response.ts reads these and no others): the node sends
 * just these, about a fifth fewer bytes to write, send and parse than all but the text.
 */
export const HIT_SOURCE_FIELDS = [
  'id',
  'type',
  'number',
  'entities',
  ...hitDocumentFieldNames,
] as const;

// The operators of the query syntax described in src/search/query.ts.
const SYNTAX_FLAGS = 'AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE|FUZZY|NEAR|SLOP';

export function textQuery(q: string): estypes.QueryDslQueryContainer {
  if (q.trim() === '') return { match_all: {} };
  checkQueryBounds(q);
  return {
    simple_query_string: {
      query: queryWithVariants(namesAsPhrases(q)),
      fields: textFields,
      default_operator: 'and',
      quote_field_suffix: exactSuffix,
      flags: SYNTAX_FLAGS,
      fuzzy_max_expansions: FUZZY_MAX_EXPANSIONS,
    },
  };
}

/** Filters outside the facets: they narrow the hits and every facet count alike. */
export function rangeFilters(query: SearchQuery): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (query.dateFrom !== undefined || query.dateTo !== undefined)
    filters.push({ range: { date: { gte: query.dateFrom, lte: query.dateTo } } });
  if (query.amountMin !== undefined || query.amountMax !== undefined)
    filters.push({ range: { amounts: { gte: query.amountMin, lte: query.amountMax } } });
  return filters;
}

/** One terms filter per facet with selected values: OR within a facet, AND across facets. */
export function facetFilters(query: SearchQuery): Map<FacetName, estypes.QueryDslQueryContainer> {
  const filters = new Map<FacetName, estypes.QueryDslQueryContainer>();
  for (const facet of facetNames) {
    const selected = query.filters[facet];
    if (selected.length > 0) filters.set(facet, { terms: { [facetField(facet)]: selected } });
  }
  return filters;
}

const allOf = (filters: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer =>
  filters.length === 0 ? { match_all: {} } : { bool: { filter: filters } };

function facetAggregations(
  filters: Map<FacetName, estypes.QueryDslQueryContainer>,
  query: SearchQuery,
): Record<string, estypes.AggregationsAggregationContainer> {
  const grouped = query.groupBy === 'document';
  const aggregations: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const facet of facetNames) {
    const others = [...filters].filter(([name]) => name !== facet).map(([, filter]) => filter);
    aggregations[facetAggregationName(facet)] = {
      filter: allOf(others),
      aggs: {
        values: {
          terms: {
            field: facetField(facet),
            size: facet === 'year' ? YEAR_BUCKETS : facetSize(query, facet),
            // Grouped, a value counts the documents it occurs in, as the grouped total does.
            order: [grouped ? { [BUCKET_DOCUMENTS]: 'desc' } : { _count: 'desc' }, { _key: 'asc' }],
          },
          ...(grouped ? { aggs: { [BUCKET_DOCUMENTS]: distinctDocuments } } : {}),
        },
        [VALUE_COUNT]: {
          cardinality: { field: facetField(facet), precision_threshold: CARDINALITY_PRECISION },
        },
      },
    };
  }
  return aggregations;
}

const distinctDocuments: estypes.AggregationsAggregationContainer = {
  cardinality: { field: 'documentId', precision_threshold: CARDINALITY_PRECISION },
};

function sortFor(query: SearchQuery): estypes.SortCombinations[] {
  // `id` breaks ties so that search_after never skips or repeats a passage.
  if (effectiveSort(query) === 'date')
    // Undated passages last; an explicit far-past value instead of `_last`, whose Long.MIN_VALUE
    // sort value would not survive a round trip through a JavaScript number in the cursor.
    return [{ date: { order: 'desc', missing: UNDATED } }, { id: 'asc' }];
  return [{ _score: { order: 'desc' } }, { id: 'asc' }];
}

export const highlight: estypes.SearchHighlight = {
  encoder: 'html',
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  fields: {
    text: {
      type: 'unified',
      // Matches on the unstemmed subfield (quoted phrases) are marked in the text too.
      matched_fields: ['text', `text${exactSuffix}`],
      fragment_size: FRAGMENT_SIZE,
      number_of_fragments: MAX_FRAGMENTS,
      no_match_size: FRAGMENT_SIZE,
    },
    // The whole title, only when it matched.
    title: {
      type: 'unified',
      matched_fields: ['title', `title${exactSuffix}`],
      number_of_fragments: 0,
    },
  },
};

/** `textMatch`: the text query to run instead of `query.q`'s (a relaxed stage). */
export function buildSearchRequest(
  index: string,
  query: SearchQuery,
  cursor: Cursor | null,
  textMatch: estypes.QueryDslQueryContainer = textQuery(query.q),
): estypes.SearchRequest {
  const filters = facetFilters(query);
  const aggs = query.facets ? facetAggregations(filters, query) : {};
  const request: estypes.SearchRequest = {
    index,
    track_total_hits: true,
    // Past the budget the node answers what it found with timed_out, which ./backend.ts refuses.
    timeout: `${QUERY_TIME_BUDGET_MS}ms`,
    size: query.size,
    query: { bool: { must: [textMatch], filter: rangeFilters(query) } },
    sort: sortFor(query),
    ...(query.highlight ? { highlight } : {}),
    // The hit shows fragments, not the whole text, and not all of its document's fields.
    _source: { includes: [...HIT_SOURCE_FIELDS] },
    aggs,
  };
  if (filters.size > 0) request.post_filter = allOf([...filters.values()]);
  if (query.groupBy === 'document') {
    request.collapse = {
      field: 'documentId',
      inner_hits: { name: MATCHING_PASSAGES, size: 0, track_scores: false },
    };
    aggs[DOCUMENT_COUNT_AGGREGATION] = {
      filter: allOf([...filters.values()]),
      aggs: { count: distinctDocuments },
    };
    // Collapsed pages cannot use search_after on another field, so their cursor is an offset.
    request.from = withinWindow(cursor ? cursor.seen : (query.page - 1) * query.size, query.size);
  } else if (cursor?.after) {
    request.search_after = searchAfter(cursor.after);
  } else {
    request.from = withinWindow((query.page - 1) * query.size, query.size);
  }
  return request;
}

function withinWindow(from: number, size: number): number {
  if (from + size > MAX_RESULT_WINDOW) throw beyondResultWindow();
  return from;
}

// Both sorts end on (a number: score or date, the passage id), as sortFor lays them out; any
// other shape came from a forged cursor and would make Elasticsearch fail the whole search.
const SearchAfter = z.tuple([z.number(), z.string()]);

function searchAfter(values: Cursor['after']): estypes.SortResults {
  const parsed = SearchAfter.safeParse(values);
  if (!parsed.success) throw new PagingError('Ongeldige cursor: niet een die deze server gaf.');
  return parsed.data;
}
