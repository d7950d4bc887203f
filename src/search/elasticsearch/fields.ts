// Where each facet of the query model lives in the passage mapping (mappings/passages.template.json).
import type { FacetName } from '../query.ts';
import { textFieldBoosts, textFieldNames } from '../rules.ts';

export const facetFields: Record<FacetName, string> = {
  theme: 'themes',
  minister: 'minister',
  asker: 'asker',
  party: 'party',
  year: 'year',
  type: 'type',
  organisation: 'organisations',
};

/** Fields the user's text is matched against, with their boosts. */
export const textFields = textFieldNames.map((field) =>
  textFieldBoosts[field] === 1 ? field : `${field}^${textFieldBoosts[field]}`,
);
/** Subfield analysed without stemming, for "quoted phrases". */
export const exactSuffix = '.exact';
