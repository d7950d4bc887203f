// The query-string side of SearchQuery: every limit comes from the shared SearchQuery schema, this
// file only adds what a URL needs (repeated parameters arrive as a string or an array, numbers as text).
import { z } from 'zod';
import { SearchQuery } from '../search/query.ts';

const filters = SearchQuery.shape.filters.unwrap().shape;

/** `?theme=a` arrives as 'a', `?theme=a&theme=b` as ['a', 'b']. */
const repeatable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), schema);

/** Plain decimal notation: Number() would also take "0x10", "0b11", " 1 " and "1e3". */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Query-string numbers are text in decimal notation; an empty value counts as absent. */
export const numeric = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (value === '' || value === undefined) return undefined;
    return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
  }, schema);

export const filterParams = {
  theme: repeatable(filters.theme).describe('Theme of the document; repeat for any of several.'),
  minister: repeatable(filters.minister).describe('Answering minister; repeatable.'),
  asker: repeatable(filters.asker).describe('Member who asked the question; repeatable.'),
  party: repeatable(filters.party).describe("The asker's party; repeatable."),
  year: repeatable(filters.year).describe('Year of the question (YYYY); repeatable.'),
  type: repeatable(filters.type).describe('Passage type; repeatable.'),
  organisation: repeatable(filters.organisation).describe(
    'Organisation named in the passage (canonical name); repeatable.',
  ),
  amountMin: numeric(SearchQuery.shape.amountMin).describe(
    'Passages naming an amount of at least this many euro.',
  ),
  amountMax: numeric(SearchQuery.shape.amountMax).describe(
    'Passages naming an amount of at most this many euro.',
  ),
  dateFrom: SearchQuery.shape.dateFrom.describe('Questions dated on or after (YYYY-MM-DD).'),
  dateTo: SearchQuery.shape.dateTo.describe('Questions dated on or before (YYYY-MM-DD).'),
};

export const SearchParams = z
  .object({
    q: SearchQuery.shape.q.describe(
      'Search text: all terms must match; "phrase", -exclude, a | b, prefix*. Empty matches all.',
    ),
    ...filterParams,
    sort: SearchQuery.shape.sort,
    page: numeric(SearchQuery.shape.page).describe('1-based page; use `after` for deep paging.'),
    size: numeric(SearchQuery.shape.size).describe('Hits per page.'),
    after: SearchQuery.shape.after.describe("The previous result's `nextCursor`."),
    groupBy: SearchQuery.shape.groupBy.describe('`document`: one hit per document.'),
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
