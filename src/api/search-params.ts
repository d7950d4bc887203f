// The query-string side of SearchQuery: every limit comes from the shared SearchQuery schema, this
// file only adds what a URL needs (repeated parameters arrive as a string or an array, numbers as text).
import { z } from 'zod';
import { SearchQuery } from '../search/query.ts';

const filters = SearchQuery.shape.filters.unwrap().shape;

/** `?theme=a` arrives as 'a', `?theme=a&theme=b` as ['a', 'b']. */
const repeatable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), schema);

/** Query-string numbers are text; an empty value counts as absent. */
const numeric = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (value === '' || value === undefined ? undefined : Number(value)),
    schema,
  );

export const filterParams = {
  theme: repeatable(filters.theme),
  minister: repeatable(filters.minister),
  asker: repeatable(filters.asker),
  party: repeatable(filters.party),
  year: repeatable(filters.year),
  type: repeatable(filters.type),
  organisation: repeatable(filters.organisation),
  amountMin: numeric(SearchQuery.shape.amountMin),
  amountMax: numeric(SearchQuery.shape.amountMax),
  dateFrom: SearchQuery.shape.dateFrom,
  dateTo: SearchQuery.shape.dateTo,
};

/** Parameters shared by /api/search and /api/export: the text and the filters. */
export const MatchParams = z.object({ q: SearchQuery.shape.q, ...filterParams });

export const SearchParams = MatchParams.extend({
  sort: SearchQuery.shape.sort,
  page: numeric(SearchQuery.shape.page),
  size: numeric(SearchQuery.shape.size),
  after: SearchQuery.shape.after,
  groupBy: SearchQuery.shape.groupBy,
}).strict();
export type SearchParams = z.infer<typeof SearchParams>;

type ParsedMatch = z.infer<typeof MatchParams>;

/** Folds the flat URL parameters into SearchQuery's shape (filters grouped under `filters`). */
export function toSearchQuery(params: ParsedMatch & Partial<SearchParams>): SearchQuery {
  const { theme, minister, asker, party, year, type, organisation, ...rest } = params;
  return SearchQuery.parse({
    ...rest,
    filters: { theme, minister, asker, party, year, type, organisation },
  });
}
