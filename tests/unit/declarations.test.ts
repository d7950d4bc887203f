// The facet table (src/model/facets.ts) and the indexed passage's declaration
// (src/search/indexed-passage.ts) drive every artefact that lists facets or passage fields: adding a
// facet or a field touches one place. Each derived artefact is checked against the declarations.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/api/openapi.ts';
import { addFacetOptions } from '../../src/cli/options.ts';
import { facets, facetNames } from '../../src/model/facets.ts';
import { passageMapping } from '../../src/search/elasticsearch/mapping.ts';
import { facetField } from '../../src/search/elasticsearch/fields.ts';
import { keywordColumns } from '../../src/search/embedded/segment.ts';
import { keywordValues } from '../../src/search/embedded/segment-builder.ts';
import {
  indexedPassageFields,
  toIndexedPassages,
  type IndexedPassage,
} from '../../src/search/indexed-passage.ts';
import { Filters } from '../../src/search/query.ts';
import { parliaments } from '../../src/pipeline/parliaments.ts';

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  type?: string;
};

const document = openApiDocument();
const searchParameters = document.paths['/api/search'].get.parameters;
const schemas = document.components.schemas as Record<string, Schema>;

const passage: IndexedPassage = toIndexedPassages({
  id: 'd1',
  source: 'test',
  parliament: parliaments.federal,
  number: '7',
  date: '2024-03-01',
  title: 'Titel',
  themes: ['Thema A', 'Thema B'],
  asker: 'Vraagsteller',
  party: 'Partij',
  minister: 'Minister',
  ministerOffice: null,
  pdfUrl: null,
  passages: [
    {
      id: 'd1:question:1',
      documentId: 'd1',
      type: 'question',
      number: 1,
      questionId: null,
      position: 0,
      text: 'VLAIO betaalt 5 euro.',
      language: 'nld',
      entities: [
        { type: 'organisation', text: 'VLAIO', start: 0, end: 5, canonical: 'VLAIO' },
        { type: 'amount', text: '5 euro', start: 14, end: 20, value: 5, vat: null },
      ],
    },
  ],
})[0]!;

describe('every facet of the table', () => {
  it.each(facets.map((facet) => [facet.name, facet] as const))('%s', (name, facet) => {
    // The query model filters on it.
    expect(Object.keys(Filters.shape)).toContain(name);
    // The API takes it as a repeatable parameter, described as the table describes it.
    const parameter = searchParameters.find((p) => p.name === name);
    expect(parameter).toMatchObject({ in: 'query', description: facet.description });
    // The OpenAPI result lists its counts and its number of values.
    expect(Object.keys(schemas.SearchResult!.properties!.facets!.properties!)).toContain(name);
    expect(Object.keys(schemas.SearchResult!.properties!.facetTotals!.properties!)).toContain(name);
    // Elasticsearch filters and counts its field, which the mapping holds as whole values.
    expect(facetField(name)).toBe(facet.field);
    expect(passageMapping().properties![facet.field]).toEqual({ type: 'keyword' });
    // The embedded engine keeps a column of it, filled from the same field.
    expect(keywordColumns).toContain(name);
    const stored = passage[facet.field];
    expect(keywordValues(passage, name)).toEqual(
      (Array.isArray(stored) ? stored : [stored]).map(String),
    );
    // The CLI has an option for it.
    const command = new Command();
    addFacetOptions(command);
    expect(command.options.map((option) => option.long)).toContain(`--${name}`);
  });

  it('and nothing else: the derived lists hold exactly the table', () => {
    expect(Object.keys(Filters.shape)).toEqual(facetNames);
    expect(Object.keys(schemas.SearchResult!.properties!.facets!.properties!)).toEqual(facetNames);
    expect(keywordColumns.filter((column) => !['title', 'document'].includes(column))).toEqual(
      facetNames,
    );
  });
});

describe('the indexed passage declaration', () => {
  it('is the Elasticsearch mapping, field for field, with its fingerprint', () => {
    const mapping = passageMapping();
    expect(Object.keys(mapping.properties!)).toEqual(Object.keys(indexedPassageFields));
    expect(mapping.dynamic).toBe('strict');
    expect(mapping._meta?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    for (const [name, field] of Object.entries(indexedPassageFields)) {
      const property = mapping.properties![name] as { type: string };
      const expected = {
        text: 'text',
        keyword: 'keyword',
        integer: 'integer',
        number: 'double',
        date: 'date',
        stored: property.type === 'object' ? 'object' : 'keyword',
      }[field.kind];
      expect(property.type, name).toBe(expected);
    }
  });

  it('describes what toIndexedPassages builds', () => {
    expect(Object.keys(passage).sort()).toEqual(Object.keys(indexedPassageFields).sort());
  });
});
