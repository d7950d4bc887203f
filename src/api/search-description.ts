// A search in a few Dutch words, for a feed's title: "„kinderopvang”, minister Hilde Crevits".
import { facetNames, type FacetName, type SearchQuery } from '../search/query.ts';
import { passageTypeNames } from '../model/passage-type-names.ts';

const facetWords: Record<FacetName, string> = {
  theme: 'thema',
  minister: 'minister',
  asker: 'vraagsteller',
  party: 'partij',
  year: 'jaar',
  type: 'soort',
  organisation: 'organisatie',
};

export function describeSearch(query: SearchQuery): string {
  const parts: string[] = [];
  if (query.q.trim()) parts.push(`„${query.q.trim()}”`);
  for (const facet of facetNames) {
    const values = query.filters[facet].map((value) =>
      facet === 'type' ? passageTypeNames[value as keyof typeof passageTypeNames] : value,
    );
    if (values.length > 0) parts.push(`${facetWords[facet]} ${values.join(' of ')}`);
  }
  if (query.amountMin !== undefined) parts.push(`bedrag vanaf € ${query.amountMin}`);
  if (query.amountMax !== undefined) parts.push(`bedrag tot € ${query.amountMax}`);
  if (query.dateFrom) parts.push(`vanaf ${query.dateFrom}`);
  if (query.dateTo) parts.push(`tot ${query.dateTo}`);
  return parts.length > 0 ? parts.join(', ') : 'alle vragen';
}
