// The query-string side of SearchQuery: every limit comes from the shared SearchQuery schema, this
// file only adds what a URL needs (repeated parameters arrive as a string or an array, numbers as text).
import { z } from 'zod';
import { facetNames, facets, type Facet, type FacetName } from '../model/facets.ts';
import { Filters, SearchQuery } from '../search/query.ts';

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

/** One repeatable parameter per facet of the facet table, described as the table describes it. */
const facetParams = Object.fromEntries(
  facets.map((facet) => [
    facet.name,
    repeatable(Filters.shape[facet.name]).describe(facet.description),
  ]),
) as {
  [F in Facet as F['name']]: z.ZodPipe<z.ZodTransform, (typeof Filters.shape)[F['name']]>;
};

export const filterParams = {
  ...facetParams,
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

const isFacet = (name: string): name is FacetName =>
  (facetNames as readonly string[]).includes(name);

/** Folds flat parameters into the query model's shape: the facets grouped under `filters`. */
export function groupFilters<P extends Record<FacetName, unknown>>(
  params: P,
): Omit<P, FacetName> & { filters: Pick<P, FacetName> } {
  const rest: Record<string, unknown> = {};
  const filters: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params))
    (isFacet(name) ? filters : rest)[name] = value;
  return { ...(rest as Omit<P, FacetName>), filters: filters as Pick<P, FacetName> };
}

/** The fields of SearchQuery that a URL does not set, at the defaults SearchQuery gives them. */
const UnsetByUrl = SearchQuery.pick({ facets: true, facetSizes: true, highlight: true });

/**
 * The SearchQuery of validated parameters. Every field of SearchParams is SearchQuery's own schema,
 * so the parameters are not validated a second time (that pass, the query's syntax included, was
 * two thirds of the validation's cost); only the fields a URL cannot set get their defaults.
 */
export const toSearchQuery = (params: SearchParams): SearchQuery => ({
  ...UnsetByUrl.parse({}),
  ...groupFilters(params),
});
