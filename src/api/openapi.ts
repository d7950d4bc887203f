// The OpenAPI 3.1 description of the API. Request parameters, bodies and every JSON answer are
// generated from the zod schemas that validate them and type the routes, so the description cannot
// drift from the code.
import { z } from 'zod';
import { TextAnalysis } from '../analysis/text-analysis-shape.ts';
import { DocumentRecord, Entity, Passage } from '../model/document.ts';
import { FacetCount, SearchHit, SearchResult, SuggestResult } from '../search/search-result.ts';
import { SimilarResult } from '../search/similar/similar-query.ts';
import { DocumentView } from './document-view.ts';
import { ErrorBody } from './errors.ts';
import { AnalyzeBody } from './routes/analyze.ts';
import { DocumentParams } from './routes/documents.ts';
import { ExportParams } from './routes/export.ts';
import { SimilarBody, SimilarParams } from './routes/similar.ts';
import { FacetPath, FacetValues, FacetValuesParams } from './routes/facets.ts';
import { Health, HealthUnavailable } from './routes/health.ts';
import { SuggestParams } from './routes/suggest.ts';
import { SearchParams } from './search-params.ts';

type JsonSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The declared shapes (zod) as components; a shape used inside another becomes a $ref to it. */
function componentSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  const components: Record<string, z.ZodType> = {
    Entity,
    Passage,
    DocumentRecord,
    FacetCount,
    SearchHit,
    SearchResult,
    SimilarResult,
    DocumentView,
    TextAnalysis,
    FacetValues,
    SuggestResult,
    Health,
    HealthUnavailable,
    Error: ErrorBody,
  };
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]),
  );
}

/** One OpenAPI parameter per property; repeatable ones as exploded form arrays (?a=1&a=2). */
function parameters(schema: z.ZodType, where: 'query' | 'path') {
  const { properties = {}, required = [] } = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    description,
    required: required.includes(name),
    schema: property,
    ...(property.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

const queryParameters = (schema: z.ZodType) => parameters(schema, 'query');
/** The `:id` of the document routes: Express hands it over as the string it is. */
const documentIdParameter = parameters(
  z.object({ id: z.string().describe('A document id, e.g. dekamer-184502.') }),
  'path',
);

const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errors = {
  '400': { description: 'Invalid parameter', ...json(ref('Error')) },
  '503': { description: 'Search backend unavailable', ...json(ref('Error')) },
};

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'vraagbaak',
      version: '0.1.0',
      description: 'Full-text search over parliamentary written questions and their answers.',
    },
    paths: {
      '/api/search': {
        get: {
          summary: 'Search passages, with facets, highlights and a year histogram',
          parameters: queryParameters(SearchParams),
          responses: {
            '200': { description: 'Matching passages', ...json(ref('SearchResult')) },
            ...errors,
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'A document with its questions paired with their answers',
          parameters: [...documentIdParameter, ...queryParameters(DocumentParams)],
          responses: {
            '200': {
              description: 'The document',
              ...json(ref('DocumentView')),
            },
            '404': { description: 'No such document', ...json(ref('Error')) },
            '503': errors['503'],
          },
        },
      },
      '/api/similar': {
        post: {
          summary: 'Has this been asked before? The documents most like a draft question',
          requestBody: {
            required: true,
            ...json(z.toJSONSchema(SimilarBody, { io: 'input' }) as JsonSchema),
          },
          responses: {
            '200': { description: 'Similar documents', ...json(ref('SimilarResult')) },
            ...errors,
          },
        },
      },
      '/api/documents/{id}/similar': {
        get: {
          summary: 'The documents most like this one (what it asks), itself left out',
          parameters: [...documentIdParameter, ...queryParameters(SimilarParams)],
          responses: {
            '200': { description: 'Similar documents', ...json(ref('SimilarResult')) },
            '404': { description: 'No such document', ...json(ref('Error')) },
            ...errors,
          },
        },
      },
      '/api/analyze': {
        post: {
          summary: 'How a text is analysed: language, tokens with their index terms, entities',
          requestBody: {
            required: true,
            ...json(z.toJSONSchema(AnalyzeBody, { io: 'input' }) as JsonSchema),
          },
          responses: {
            '200': { description: 'The analysis', ...json(ref('TextAnalysis')) },
            '400': errors['400'],
            '503': {
              description: 'Too many texts being analysed (server_busy) or over the time limit',
              ...json(ref('Error')),
            },
          },
        },
      },
      '/api/export': {
        get: {
          summary: 'The matching passages as a spreadsheet (CSV or XLSX)',
          parameters: queryParameters(ExportParams),
          responses: {
            '200': {
              description: 'An attachment, one row per passage',
              content: {
                'text/csv': { schema: { type: 'string' } },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                  schema: { type: 'string', format: 'binary' },
                },
              },
            },
            ...errors,
          },
        },
      },
      '/api/feed': {
        get: {
          summary: 'The search as an Atom 1.0 feed: the newest matching documents first',
          parameters: queryParameters(SearchParams),
          responses: {
            '200': {
              description: 'Atom feed, one entry per document',
              content: { 'application/atom+xml': { schema: { type: 'string' } } },
            },
            ...errors,
          },
        },
      },
      '/api/facets/{facet}': {
        get: {
          summary: 'Every value of one facet under a search, with counts and the number of values',
          parameters: [...parameters(FacetPath, 'path'), ...queryParameters(FacetValuesParams)],
          responses: {
            '200': { description: 'The values, most frequent first', ...json(ref('FacetValues')) },
            ...errors,
          },
        },
      },
      '/api/suggest': {
        get: {
          summary: 'Completions over titles, organisations, askers and ministers',
          parameters: queryParameters(SuggestParams),
          responses: {
            '200': { description: 'Suggestions', ...json(ref('SuggestResult')) },
            ...errors,
          },
        },
      },
      '/api/health': {
        get: {
          summary: 'Whether the search backend answers, and how much it holds',
          responses: {
            '200': { description: 'Backend reachable', ...json(ref('Health')) },
            '503': { description: 'Backend unreachable', ...json(ref('HealthUnavailable')) },
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } },
      },
    },
    components: {
      schemas: componentSchemas(),
    },
  };
}
