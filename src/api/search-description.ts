// A search in a few Dutch words, for a feed's title: "„kinderopvang”, minister Hilde Crevits".
import { facets } from '../model/facets.ts';
import { passageTypeNames } from '../model/passage-types.ts';
import { readableValue } from '../model/readable-value.ts';
import type { SearchQuery } from '../search/query.ts';

export function describeSearch(query: SearchQuery): string {
  const parts: string[] = [];
  if (query.q.trim()) parts.push(`„${query.q.trim()}”`);
  for (const facet of facets) {
    const values = query.filters[facet.name].map((value) =>
      facet.name === 'type'
        ? passageTypeNames[value as keyof typeof passageTypeNames]
        : readableValue(value),
    );
    if (values.length > 0) parts.push(`${facet.phrase} ${values.join(' of ')}`);
  }
  if (query.amountMin !== undefined) parts.push(`bedrag vanaf € ${query.amountMin}`);
  if (query.amountMax !== undefined) parts.push(`bedrag tot € ${query.amountMax}`);
  if (query.dateFrom) parts.push(`vanaf ${query.dateFrom}`);
  if (query.dateTo) parts.push(`tot ${query.dateTo}`);
  return parts.length > 0 ? parts.join(', ') : 'alle vragen';
}
