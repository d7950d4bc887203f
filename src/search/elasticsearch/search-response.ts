// Shapes an Elasticsearch search response (from ./search-request.ts) into the query model's result.
import type { estypes } from '@elastic/elasticsearch';
import type { IndexedPassage } from '../indexed-passage.ts';
import {
  emptyFacets,
  emptyFacetTotals,
  facetNames,
  facetSize,
  type FacetCount,
  type FacetName,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../query.ts';
import { encodeCursor } from '../cursor.ts';
import { hitDocumentFields } from '../search-result.ts';
import { withCutMarks } from '../snippet-boundaries.ts';
import { hasNextPage } from '../rules.ts';
import {
  BUCKET_DOCUMENTS,
  DOCUMENT_COUNT_AGGREGATION,
  HIT_SOURCE_FIELDS,
  VALUE_COUNT,
  MATCHING_PASSAGES,
  facetAggregationName,
} from './search-request.ts';

/** The stored fields of a hit, as the search request asks for them. */
export type StoredHit = Pick<IndexedPassage, (typeof HIT_SOURCE_FIELDS)[number]>;

type Aggregations = Record<string, estypes.AggregationsAggregate>;

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  [BUCKET_DOCUMENTS]?: { value: number };
}

interface FacetAggregate {
  values?: { buckets?: Bucket[] };
  [VALUE_COUNT]?: { value: number };
}

const facetAggregate = (aggregations: Aggregations | undefined, facet: FacetName) =>
  aggregations?.[facetAggregationName(facet)] as FacetAggregate | undefined;

/** A facet's buckets; grouped by document, each counts its distinct documents. */
function bucketsOf(aggregations: Aggregations | undefined, facet: FacetName): FacetCount[] {
  return (facetAggregate(aggregations, facet)?.values?.buckets ?? []).map((bucket) => ({
    value: bucket.key_as_string ?? String(bucket.key),
    count: bucket[BUCKET_DOCUMENTS]?.value ?? bucket.doc_count,
  }));
}

function toHit(hit: estypes.SearchHit<StoredHit>, grouped: boolean): SearchHit {
  const source = hit._source;
  if (!source) throw new Error(`search hit ${hit._id ?? '?'} has no _source`);
  const result: SearchHit = {
    id: source.id,
    type: source.type,
    number: source.number,
    ...hitDocumentFields(source),
    score: hit._score ?? null,
    highlights: (hit.highlight?.text ?? []).map(withCutMarks),
    entities: source.entities.filter((e) => e.type === 'organisation' || e.type === 'amount'),
  };
  const titleHighlight = hit.highlight?.title?.[0];
  if (titleHighlight !== undefined) result.titleHighlight = titleHighlight;
  if (grouped) {
    const total = hit.inner_hits?.[MATCHING_PASSAGES]?.hits.total;
    result.matchingPassages = typeof total === 'number' ? total : (total?.value ?? 1);
  }
  return result;
}

export function toSearchResult(
  response: estypes.SearchResponse<StoredHit>,
  query: SearchQuery,
  seenBefore: number,
): SearchResult {
  const grouped = query.groupBy === 'document';
  const aggregations = response.aggregations;
  const passageTotal = response.hits.total;
  const documentCount = aggregations?.[DOCUMENT_COUNT_AGGREGATION] as
    { count?: { value: number } } | undefined;
  const total = grouped
    ? (documentCount?.count?.value ?? 0)
    : typeof passageTotal === 'number'
      ? passageTotal
      : (passageTotal?.value ?? 0);

  const facets = Object.fromEntries(
    facetNames.map((facet) => {
      const counts = bucketsOf(aggregations, facet);
      return [facet, facet === 'year' ? counts.slice(0, facetSize(query, facet)) : counts];
    }),
  ) as Record<FacetName, FacetCount[]>;
  const facetTotals = Object.fromEntries(
    facetNames.map((facet) => [
      facet,
      facetAggregate(aggregations, facet)?.[VALUE_COUNT]?.value ?? 0,
    ]),
  ) as Record<FacetName, number>;
  const histogram = bucketsOf(aggregations, 'year')
    .map(({ value, count }) => ({ year: Number(value), count }))
    .sort((a, b) => a.year - b.year);

  const hits = response.hits.hits.map((hit) => toHit(hit, grouped));
  const seen = seenBefore + hits.length;
  const last = response.hits.hits.at(-1);
  const nextCursor =
    last && hasNextPage(seen, total)
      ? encodeCursor({
          sort: query.sort,
          grouped,
          seen,
          ...(grouped ? {} : { after: last.sort as (string | number | null)[] }),
        })
      : null;

  return { total, tookMs: response.took, hits, facets, facetTotals, histogram, nextCursor };
}

/** The answer while nothing has been indexed yet. */
export function emptySearchResult(): SearchResult {
  return {
    total: 0,
    tookMs: 0,
    hits: [],
    facets: emptyFacets(),
    facetTotals: emptyFacetTotals(),
    histogram: [],
    nextCursor: null,
  };
}
