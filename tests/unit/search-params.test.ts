// GET /api/search's parameters become a SearchQuery in one validation pass: the result must be what
// the full SearchQuery contract makes of the same parameters (every default, every grouped facet).
import { describe, expect, it } from 'vitest';
import { groupFilters, SearchParams, toSearchQuery } from '../../src/api/search-params.ts';
import { SearchQuery } from '../../src/search/query.ts';

const urls: Record<string, string | string[]>[] = [
  {},
  { q: 'treinverkeer' },
  { q: '"federale politie" personeel', theme: 'Justitie', party: ['N-VA', 'PVDA'] },
  { q: '', party: 'CD&V', year: '2017', type: 'answer' },
  { q: 'subsidie', amountMin: '100000', amountMax: '2500.5' },
  { q: 'defensie', dateFrom: '2017-03-01', dateTo: '2017-06-30', sort: 'date' },
  { q: 'veiligheid', groupBy: 'document', page: '3', size: '100' },
  { q: 'kosten', after: 'eyJzZWVuIjoyMH0', size: '' },
];

describe('toSearchQuery', () => {
  it.each(urls)('equals SearchQuery.parse of the grouped parameters: %j', (url) => {
    const params = SearchParams.parse(url);
    expect(toSearchQuery(params)).toStrictEqual(SearchQuery.parse(groupFilters(params)));
  });

  it('gives each query defaults of its own', () => {
    const params = SearchParams.parse({});
    expect(toSearchQuery(params).facetSizes).not.toBe(toSearchQuery(params).facetSizes);
  });
});
