// Field names of the passage mapping (./mapping.ts) that requests refer to.
import { facetByName, type FacetName } from '../../model/facets.ts';
import { textFieldBoosts, textFieldNames } from '../rules.ts';

/** Where a facet's values live: the passage field the facet table names. */
export const facetField = (facet: FacetName): string => facetByName[facet].field;

/** Fields the user's text is matched against, with their boosts. */
export const textFields = textFieldNames.map((field) =>
  textFieldBoosts[field] === 1 ? field : `${field}^${textFieldBoosts[field]}`,
);
/** Subfield analysed without stemming, for "quoted phrases". */
export const exactSuffix = '.exact';
