// The facets of the query model, in display order. A module of its own, free of dependencies, so
// the search page can import it without bundling the query schema (zod).
export const facetNames = [
  'theme',
  'minister',
  'asker',
  'party',
  'year',
  'type',
  'organisation',
] as const;
export type FacetName = (typeof facetNames)[number];
