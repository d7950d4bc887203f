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

const filterParams = {
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

export const SearchParams = z
  .object({
    q: SearchQuery.shape.q,
    ...filterParams,
    sort: SearchQuery.shape.sort,
    page: numeric(SearchQuery.shape.page),
    size: numeric(SearchQuery.shape.size),
    after: SearchQuery.shape.after,
    groupBy: SearchQuery.shape.groupBy,
  })
  .strict();
export type SearchParams = z.infer<typeof SearchParams>;

/** Folds the flat URL parameters into SearchQuery's shape (filters grouped under `filters`). */
export function toSearchQuery(params: SearchParams): SearchQuery {
  const { theme, minister, asker, party, year, type, organisation, ...rest } = params;
  return SearchQuery.parse({
    ...rest,
    filters: { theme, minister, asker, party, year, type, organisation },
  });
}
