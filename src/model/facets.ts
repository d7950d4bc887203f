// The facets, declared once: everything that lists facets (the query model, the API parameters and
// their OpenAPI description, the CLI options, both engines' field maps, the page's sidebar and the
// search description of a feed) is derived from this table, so adding a facet touches one place.
// Free of dependencies, so the search page can import it.
import type { FacetKind } from './field-kinds.ts';
import { passageTypes } from './passage-types.ts';

export interface FacetDeclaration {
  /** The query model's name: also the API's and the page's URL parameter and the CLI option. */
  name: string;
  /** The indexed passage's field that holds the values (src/search/indexed-passage.ts). */
  field: string;
  kind: FacetKind;
  /** Dutch, as the page shows it above the values. */
  label: string;
  /** Dutch, lower case, as a feed's title describes a filter: "thema X of Y". */
  phrase: string;
  /** English, for the API parameter (OpenAPI) and the CLI option. */
  description: string;
  /** The only values it can take, when they are fixed. */
  values?: readonly [string, ...string[]];
}

/** In display order. */
export const facets = [
  {
    name: 'parliament',
    field: 'parliament',
    kind: 'keyword',
    label: 'Parlement',
    phrase: 'parlement',
    description: 'Parliament the question was asked in; repeatable.',
  },
  {
    name: 'theme',
    field: 'themes',
    kind: 'keyword',
    label: 'Thema',
    phrase: 'thema',
    description: 'Theme of the document; repeat for any of several.',
  },
  {
    name: 'minister',
    field: 'minister',
    kind: 'keyword',
    label: 'Minister',
    phrase: 'minister',
    description: 'Answering minister; repeatable.',
  },
  {
    name: 'asker',
    field: 'asker',
    kind: 'keyword',
    label: 'Vraagsteller',
    phrase: 'vraagsteller',
    description: 'Member who asked the question; repeatable.',
  },
  {
    name: 'party',
    field: 'party',
    kind: 'keyword',
    label: 'Partij',
    phrase: 'partij',
    description: "The asker's party; repeatable.",
  },
  {
    name: 'year',
    field: 'year',
    kind: 'number',
    label: 'Jaar',
    phrase: 'jaar',
    description: 'Year of the question (YYYY); repeatable.',
  },
  {
    name: 'type',
    field: 'type',
    kind: 'keyword',
    label: 'Soort passage',
    phrase: 'soort',
    description: 'Passage type; repeatable.',
    values: passageTypes,
  },
  {
    name: 'organisation',
    field: 'organisations',
    kind: 'keyword',
    label: 'Organisatie',
    phrase: 'organisatie',
    description: 'Organisation named in the passage (canonical name); repeatable.',
  },
] as const satisfies readonly FacetDeclaration[];

export type Facet = (typeof facets)[number];
export type FacetName = Facet['name'];

export const facetNames = facets.map((facet) => facet.name) as [FacetName, ...FacetName[]];

export const facetByName = Object.fromEntries(facets.map((facet) => [facet.name, facet])) as {
  [F in Facet as F['name']]: F;
};
