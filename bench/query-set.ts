// The fixed mixed query set of the query benchmark and the load run: plain terms, phrases, prefix,
// facet filters, ranges, collapse by document, date sort and a deep page. Facet values are the
// most frequent ones of the indexed corpus (from one match-all search), so the set fits whatever
// corpus is indexed without hard-coding how a backend spells a theme or a party.
import { SearchParams, toSearchQuery } from '../src/api/search-params.ts';
import type { SearchQuery, SearchResult } from '../src/search/query.ts';

export type QueryParams = Record<string, string | string[]>;

export interface BenchQuery {
  name: string;
  params: QueryParams;
}

const top = (facets: SearchResult['facets'], facet: keyof SearchResult['facets']) => {
  const value = facets[facet][0]?.value;
  if (value === undefined) throw new Error(`the index has no ${facet} facet values`);
  return value;
};

export function mixedQuerySet(facets: SearchResult['facets']): BenchQuery[] {
  const theme = top(facets, 'theme');
  const party = top(facets, 'party');
  const asker = top(facets, 'asker');
  const year = top(facets, 'year');
  return [
    { name: 'term', params: { q: 'treinverkeer' } },
    { name: 'common term', params: { q: 'minister' } },
    { name: 'two terms', params: { q: 'belasting ondernemingen' } },
    { name: 'or', params: { q: 'asielzoekers | vluchtelingen' } },
    { name: 'prefix', params: { q: 'ziekenhuis*' } },
    { name: 'phrase', params: { q: '"technisch incident"' } },
    { name: 'phrase + term', params: { q: '"federale politie" personeel' } },
    { name: 'exclusion', params: { q: 'nmbs -vertraging' } },
    { name: 'theme filter', params: { q: 'kosten', theme } },
    { name: 'party + year filter', params: { q: '', party, year } },
    { name: 'asker + type filter', params: { q: 'aantal', asker, type: 'answer' } },
    { name: 'amount range', params: { q: 'subsidie', amountMin: '100000' } },
    { name: 'date range', params: { q: 'defensie', dateFrom: '2017-03-01', dateTo: '2017-06-30' } },
    { name: 'collapse by document', params: { q: 'veiligheid', groupBy: 'document' } },
    { name: 'sort by date', params: { q: 'gevangenis', sort: 'date' } },
    { name: 'deep page', params: { q: '', page: '400', size: '20' } },
    { name: 'large page', params: { q: 'europese', size: '100' } },
  ];
}

export function toUrl(base: string, params: QueryParams): string {
  const url = new URL('/api/search', base);
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
  }
  return url.toString();
}

/** The SearchQuery the API builds from these parameters (same parsing as GET /api/search). */
export function toQuery(params: QueryParams): SearchQuery {
  return toSearchQuery(SearchParams.parse(params));
}
