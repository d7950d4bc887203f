// How each field of an indexed passage is kept and searched, whichever engine holds it. The
// Elasticsearch mapping (src/search/elasticsearch/mapping.ts) is generated from these kinds.
export const fieldKinds = [
  /** Analysed words, matched by the user's text; phrases match an unstemmed twin of it. */
  'text',
  /** Whole values: exact filters, facets, sorting. */
  'keyword',
  /** Whole numbers: ordering (position, question number). */
  'integer',
  /** Numbers with range filters (amounts in euro). */
  'number',
  /** A calendar date (YYYY-MM-DD): range filters and sorting. */
  'date',
  /** Kept with the passage and returned, never searched (links, entity spans). */
  'stored',
] as const;

export type FieldKind = (typeof fieldKinds)[number];

/** What a facet's values are: words, numbers such as years (ordered as numbers), or dates. */
export type FacetKind = Extract<FieldKind, 'keyword' | 'number' | 'date'>;
