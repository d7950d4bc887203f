// POST /api/similar and GET /api/documents/:id/similar against the real embedded backend (seeds).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { readConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import { createBackend } from '../../src/search/create-backend.ts';
import type { SimilarResult } from '../../src/search/similar/similar-query.ts';
import { likeText } from '../../src/search/similar/like-document.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
});
afterAll(() => seeded?.close());

const seed = (prefix: string) => seeded.seeds.find((s) => s.id.startsWith(prefix))!;
const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}/similar`;

describe('POST /api/similar', () => {
  it('finds the document a draft was taken from, with its passages marked', async () => {
    const draft = seed('000_');
    const response = await request(seeded.app)
      .post('/api/similar')
      .send({ text: likeText(draft) });
    expect(response.status).toBe(200);
    const result = response.body as SimilarResult;
    expect(result.hits[0]?.documentId).toBe(draft.id);
    expect(result.hits[0]?.answered).toBe(true);
    expect(result.hits[0]?.passages[0]?.highlights.join(' ')).toContain('<mark>');
  });

  it('keeps to the filters given beside the text, under the search parameter names', async () => {
    const text = likeText(seed('000_'));
    const all = (await request(seeded.app).post('/api/similar').send({ text, size: 50 }))
      .body as SimilarResult;
    const minister = all.hits.at(-1)!.minister!;
    const response = await request(seeded.app)
      .post('/api/similar')
      .send({ text, size: 50, minister });
    expect(response.status).toBe(200);
    const only = response.body as SimilarResult;
    expect(only.hits.map((h) => h.documentId)).toEqual(
      all.hits.filter((h) => h.minister === minister).map((h) => h.documentId),
    );
  });

  it('refuses a missing, empty or too long text and unknown parameters, naming them', async () => {
    for (const [body, parameter] of [
      [{}, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(20_001) }, 'text'],
      [{ text: 'budget', size: 0 }, 'size'],
      [{ text: 'budget', colour: 'red' }, 'colour'],
    ] as const) {
      const response = await request(seeded.app).post('/api/similar').send(body);
      expect(response.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(JSON.stringify(response.body.details ?? response.body.message)).toContain(parameter);
    }
  });
});

describe('hostile input to the similar endpoints', () => {
  it('answers every odd request with JSON and a client status or an empty result, never a 500', async () => {
    const posts: [string, string][] = [
      ['malformed JSON', '{"text": '],
      ['an array', '["budget"]'],
      ['a number as text', '{"text": 42}'],
      [
        'markup and control characters',
        JSON.stringify({ text: '<script>x</script>\u0000\u0007 budget' }),
      ],
      ['operators only', JSON.stringify({ text: '"(( -| *~' })],
      ['a bad filter', JSON.stringify({ text: 'budget', dateFrom: 'gisteren' })],
    ];
    for (const [label, body] of posts) {
      const response = await request(seeded.app)
        .post('/api/similar')
        .set('content-type', 'application/json')
        .send(body);
      expect(response.status, label).toBeLessThan(500);
      expect(response.type, label).toBe('application/json');
    }
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '%00', 'x'.repeat(5_000)]) {
      const response = await request(seeded.app).get(`/api/documents/${id}/similar`);
      expect(response.status, id.slice(0, 20)).toBe(404);
    }
  });
});

describe('GET /api/documents/:id/similar', () => {
  it('lists the documents like a document, without the document itself', async () => {
    const document = seed('000_');
    const response = await request(seeded.app).get(documentPath(document.id));
    expect(response.status).toBe(200);
    const ids = (response.body as SimilarResult).hits.map((h) => h.documentId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(document.id);
    // Seed 001 asks about the same programme ("Het internet. Ook uw zaak").
    expect(ids[0]).toBe(seed('001_').id);
  });

  it('takes the search filters in the query string, and answers 404 for an unknown id', async () => {
    const id = seed('000_').id;
    const filtered = await request(seeded.app).get(`${documentPath(id)}?year=1999`);
    expect(filtered.status).toBe(200);
    expect(filtered.body).toMatchObject({ total: 0, hits: [] });
    expect((await request(seeded.app).get(`${documentPath(id)}?size=500`)).status).toBe(400);
    const missing = await request(seeded.app).get(documentPath('no-such-document'));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'not_found' });
    expect(missing.body.message).toContain('no-such-document');
  });

  it('is described in the OpenAPI document', async () => {
    const { body } = await request(seeded.app).get('/api/openapi.json');
    expect(body.paths['/api/similar'].post).toBeDefined();
    expect(body.paths['/api/documents/{id}/similar'].get).toBeDefined();
  });
});

describe('with Elasticsearch unreachable (connection refused)', () => {
  it('answers both similar endpoints with 503 JSON and the reason', async () => {
    const backend = await createBackend(
      readConfig({ backend: 'elasticsearch', elasticsearchUrl: 'http://127.0.0.1:1' }, {}),
    );
    try {
      const app = createApp({ backend, logger: silentLogger() });
      for (const response of [
        await request(app).post('/api/similar').send({ text: 'budget voor fietspaden' }),
        await request(app).get('/api/documents/some-document/similar'),
      ]) {
        expect(response.status).toBe(503);
        expect(response.body.code).toBe('backend_unavailable');
        expect(response.body.reason).toMatch(/Elasticsearch/);
      }
    } finally {
      await backend.close();
    }
  });
});
