// An unreachable search backend: every endpoint answers 503 with the reason, never 500, and the API
// recovers by itself once Elasticsearch is reachable again. Real refused connections, no mocks.
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { HealthUnavailable } from '../../src/api/routes/health.ts';
import { readConfig } from '../../src/config.ts';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
import { createBackend } from '../../src/search/create-backend.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import type { SearchResult } from '../../src/search/query.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { parseSeeds } from './seeded-app.ts';
import { forward, freePort, type Forwarder } from './tcp-forwarder.ts';

const silent = pino({ level: 'silent' });

describe('with Elasticsearch unreachable (connection refused)', () => {
  let backend: SearchBackend;
  beforeAll(async () => {
    backend = await createBackend(
      readConfig({ backend: 'elasticsearch', elasticsearchUrl: 'http://127.0.0.1:1' }, {}),
    );
  });
  afterAll(() => backend?.close());

  it('reports 503 with the reason on /api/health', async () => {
    const response = await request(createApp({ backend, logger: silent })).get('/api/health');
    expect(response.status).toBe(503);
    expect(HealthUnavailable.parse(response.body)).toEqual(response.body); // nothing undeclared
    expect(response.body.status).toBe('unavailable');
    expect(response.body.backend).toBe('elasticsearch');
    expect(response.body.reason).toMatch(/Elasticsearch/);
  });

  it.each([
    '/api/search?q=begeleidingstraject',
    '/api/documents/some-document',
    '/api/suggest?q=vla',
    '/api/export?format=csv&q=budget',
    '/api/export?format=xlsx',
  ])('answers %s with 503 JSON and the reason, no stack', async (url) => {
    const response = await request(createApp({ backend, logger: silent })).get(url);
    expect(response.status).toBe(503);
    expect(response.type).toBe('application/json');
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body.code).toBe('backend_unavailable');
    expect(response.body.message).toBe('De zoekmachine is op dit moment niet bereikbaar.');
    expect(response.body.reason).toMatch(/Elasticsearch/);
    expect(response.text).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describeElasticsearch('when Elasticsearch comes back', () => {
  let backend: ElasticsearchBackend;
  let forwarder: Forwarder | null = null;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    backend = new ElasticsearchBackend({
      client: createElasticsearchClient(`http://127.0.0.1:${port}`),
      alias: 'vraagbaak-passages-api-recovery',
    });
  });
  afterAll(async () => {
    await backend?.clear().catch(() => undefined);
    await backend?.close();
    await forwarder?.close();
  });

  it('recovers without a restart, serves the seeds, and fails over to 503 again', async () => {
    const app = createApp({ backend, logger: silent });
    expect((await request(app).get('/api/health')).status).toBe(503);

    forwarder = await forward(port, new URL(elasticsearchUrl()));
    const back = await request(app).get('/api/health');
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'ok', backend: 'elasticsearch' });

    const seeds = await parseSeeds();
    await backend.index(
      (async function* () {
        yield* seeds;
      })(),
    );
    const search = await request(app).get('/api/search?q=begeleidingstraject');
    expect(search.status).toBe(200);
    const seed000 = seeds.find((s) => s.source.includes('000_'));
    expect((search.body as SearchResult).hits[0]?.documentId).toBe(seed000?.id);
    const health = await request(app).get('/api/health');
    expect(health.body).toMatchObject({ documents: seeds.length });
    // The export pages through Elasticsearch's cursor and fetches each passage's document.
    const exported = await request(app).get('/api/export?format=csv&q=begeleidingstraject');
    const rows = parse(exported.text, { bom: true, delimiter: ';' }) as string[][];
    expect(rows.length - 1).toBe((search.body as SearchResult).total);
    const view = await request(app).get(`/api/documents/${encodeURIComponent(seed000!.id)}`);
    expect(view.body.document.title).toBe(seed000?.title);

    await forwarder.close();
    forwarder = null;
    expect((await request(app).get('/api/health')).status).toBe(503);

    forwarder = await forward(port, new URL(elasticsearchUrl()));
    expect((await request(app).get('/api/health')).status).toBe(200);
  });
});
