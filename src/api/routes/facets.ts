import { Router } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import { FacetCount } from '../../search/search-result.ts';
import { facetNames, MAX_FACET_SIZE } from '../../search/query.ts';
import { parseRequest } from '../errors.ts';
import { numeric, SearchParams, toSearchQuery } from '../search-params.ts';

export const FacetValuesParams = SearchParams.extend({
  size: numeric(z.number().int().min(1).max(MAX_FACET_SIZE).default(MAX_FACET_SIZE)).describe(
    'At most this many values, most frequent first.',
  ),
}).strict();

export const FacetPath = z.object({ facet: z.enum(facetNames) });

export const FacetValues = z.object({
  facet: z.enum(facetNames),
  values: z.array(FacetCount).describe('Most frequent first.'),
  total: z.number().int().describe('How many distinct values in all.'),
});
export type FacetValues = z.infer<typeof FacetValues>;

/**
 * GET /api/facets/:facet?<search parameters>: every value of one facet (up to MAX_FACET_SIZE) with
 * its count under the search, and how many values it has in all, for a facet's full, searchable list.
 */
export function facetRoutes(backend: SearchBackend): Router {
  return Router().get('/api/facets/:facet', async (req, res) => {
    const { facet } = parseRequest(FacetPath, req.params);
    const { size, ...params } = parseRequest(FacetValuesParams, req.query);
    const query = toSearchQuery({ ...params, page: 1, size: 0, after: undefined });
    const result = await backend.search({
      ...query,
      highlight: false,
      facetSizes: { [facet]: size },
    });
    res.json({
      facet,
      values: result.facets[facet],
      total: result.facetTotals[facet],
    } satisfies FacetValues);
  });
}
