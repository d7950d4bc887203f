// Every JSON answer of the API has the shape declared once in zod (src/search/search-result.ts,
// src/search/similar/similar-query.ts, src/api/document-view.ts, src/api/errors.ts,
// the health, facet and suggest routes; src/analysis/text-analysis-shape.ts in endpoints.test.ts), which the OpenAPI description is
// generated from. Parsing strips what a shape does not declare, so
// `parse(body)` equal to `body` also proves the answer carries nothing undeclared.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DocumentView } from '../../src/api/document-view.ts';
import { ErrorBody } from '../../src/api/errors.ts';
import { FacetValues } from '../../src/api/routes/facets.ts';
import { Health } from '../../src/api/routes/health.ts';
import { facetNames } from '../../src/model/facets.ts';
import { SearchResult, SuggestResult } from '../../src/search/search-result.ts';
import { SimilarResult } from '../../src/search/similar/similar-query.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
});
afterAll(() => seeded?.close());

function expectShape(schema: z.ZodType, body: unknown) {
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(body);
}

describe('API answers have their declared shapes', () => {
  it('search, with and without grouping, relaxed and with a cursor', async () => {
    for (const query of ['q=subsidie', 'q=&groupBy=document', 'q=subsidy+ondernemerz', 'size=1']) {
      const response = await request(seeded.app).get(`/api/search?${query}`);
      expect(response.status, query).toBe(200);
      expectShape(SearchResult, response.body);
    }
  });

  it('counts every facet of the table, the parliament included', async () => {
    const { body } = await request(seeded.app).get('/api/search?size=0');
    expect(Object.keys(body.facets)).toEqual(facetNames);
    expect(body.facets.parliament).toEqual([
      { value: 'Vlaams Parlement', count: seeded.seeds.flatMap((d) => d.passages).length },
    ]);
  });

  it('a document, with and without the marks of a search', async () => {
    const id = encodeURIComponent(seeded.seeds[0]!.id);
    for (const url of [`/api/documents/${id}`, `/api/documents/${id}?q=subsidie`]) {
      const response = await request(seeded.app).get(url);
      expect(response.status, url).toBe(200);
      expectShape(DocumentView, response.body);
      expect(response.body.document.parliament).toBe('Vlaams Parlement');
    }
  });

  it('similar documents, for a draft and for a document', async () => {
    const draft = await request(seeded.app)
      .post('/api/similar')
      .send({ text: 'Hoeveel subsidie kregen de structurele partners van VLAIO?' });
    expect(draft.status).toBe(200);
    expectShape(SimilarResult, draft.body);
    const like = await request(seeded.app).get(
      `/api/documents/${encodeURIComponent(seeded.seeds[0]!.id)}/similar`,
    );
    expect(like.status).toBe(200);
    expectShape(SimilarResult, like.body);
  });

  it('facet values, suggestions and health (the analysis: endpoints.test.ts)', async () => {
    const facet = await request(seeded.app).get('/api/facets/organisation?q=subsidie');
    expect(facet.status).toBe(200);
    expectShape(FacetValues, facet.body);
    const suggest = await request(seeded.app).get('/api/suggest?q=vla');
    expect(suggest.body.suggestions.length).toBeGreaterThan(0);
    expectShape(SuggestResult, suggest.body);
    const health = await request(seeded.app).get('/api/health');
    expect(health.status).toBe(200);
    expectShape(Health, health.body);
  });

  it('errors, each with the status its code has in the error table', async () => {
    const cases: [string, number, string][] = [
      ['/api/search?size=-1', 400, 'invalid_parameter'],
      ['/api/search?after=bm9uc2Vuc2U', 400, 'invalid_paging'],
      ['/api/search?page=600&size=20', 400, 'invalid_paging'],
      ['/api/documents/nope', 404, 'not_found'],
      ['/api/nowhere', 404, 'not_found'],
    ];
    for (const [url, status, code] of cases) {
      const response = await request(seeded.app).get(url);
      expect([response.status, response.body.code], url).toEqual([status, code]);
      expectShape(ErrorBody, response.body);
    }
    const tooLarge = await request(seeded.app)
      .post('/api/similar')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(2_000_000) }));
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'payload_too_large']);
    expectShape(ErrorBody, tooLarge.body);
  });
});
