// Rebuilding and re-indexing on a real node: the alias swap is atomic under a running query loop,
// upserts never duplicate, and an index built under another passage declaration is refused for upserts.
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import type { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import {
  DEKAMER,
  SEEDS_DIR,
  handMadeDocuments,
  hostile,
  parseAll,
  stream,
  testBackend,
} from './backend-fixtures.ts';

describeElasticsearch('ElasticsearchBackend rebuilds and upserts', () => {
  let backend: ElasticsearchBackend;
  let client: Client;
  let documents: DocumentRecord[];
  let passageCount: number;

  const indicesBehindAlias = async () =>
    Object.keys(await client.indices.getAlias({ name: backend.alias }));
  const concreteIndices = async () =>
    (await client.cat.indices({ index: `${backend.alias}-*`, format: 'json', h: ['index'] })).map(
      (row) => row.index,
    );

  beforeAll(async () => {
    backend = testBackend('rebuild', elasticsearchUrl());
    client = createElasticsearchClient(elasticsearchUrl());
    // Enough documents that a rebuild takes several seconds of queries.
    documents = [...(await parseAll([SEEDS_DIR, DEKAMER])).slice(0, 1_500), ...handMadeDocuments];
    passageCount = documents.reduce((sum, d) => sum + d.passages.length, 0);
    const report = await backend.index(stream(documents), { mode: 'rebuild' });
    expect(report.failures).toEqual([]);
  }, 600_000);

  afterAll(async () => {
    await backend?.clear();
    await backend?.close();
    await client?.close();
  });

  it('swaps the alias atomically: queries during a rebuild never fail nor see a partial index', async () => {
    const [before] = await indicesBehindAlias();
    const totals: number[] = [];
    const errors: unknown[] = [];
    let rebuilding = true;
    const queries = (async () => {
      while (rebuilding) {
        try {
          totals.push((await backend.search(SearchQuery.parse({ size: 1 }))).total);
        } catch (error) {
          errors.push(error);
        }
      }
    })();
    const report = await backend.index(stream(documents), { mode: 'rebuild' }).finally(() => {
      rebuilding = false;
    });
    await queries;

    expect(report.failures).toEqual([]);
    expect(errors).toEqual([]);
    expect(totals.length).toBeGreaterThan(10);
    expect(totals.every((total) => total === passageCount)).toBe(true);
    // One new index behind the alias; the old one is gone.
    const after = await indicesBehindAlias();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    expect(await concreteIndices()).toEqual(after);
  }, 600_000);

  it('upserts under stable ids: a re-run never duplicates, a shorter document loses its old passages', async () => {
    const before = await backend.stats();
    const again = await backend.index(stream(handMadeDocuments));
    expect(again.failures).toEqual([]);
    expect(await backend.stats()).toEqual(before);

    const shortened: DocumentRecord = { ...hostile, passages: hostile.passages.slice(0, 1) };
    const report = await backend.index(stream([shortened]));
    expect(report).toEqual({ documents: 1, passages: 1, failures: [] });
    expect(await backend.getDocument(hostile.id)).toEqual(shortened);
    expect(await backend.stats()).toEqual({
      documents: before.documents,
      passages: before.passages - (hostile.passages.length - 1),
    });
  });

  it('reports a passage Elasticsearch rejects with its document and reason, and indexes the rest', async () => {
    // A theme beyond Lucene's 32 766-byte limit for one term: garbage metadata the schema allows.
    const impossible: DocumentRecord = {
      ...hostile,
      id: 'test-immense-theme',
      themes: ['x'.repeat(40_000)],
      passages: hostile.passages.map((p) => ({
        ...p,
        id: p.id.replace(hostile.id, 'test-immense-theme'),
        documentId: 'test-immense-theme',
      })),
    };
    const fine: DocumentRecord = {
      ...impossible,
      id: 'test-fine-theme',
      themes: ['Testthema'],
      passages: impossible.passages.map((p) => ({
        ...p,
        id: p.id.replace('test-immense-theme', 'test-fine-theme'),
        documentId: 'test-fine-theme',
      })),
    };
    const report = await backend.index(stream([impossible, fine]));
    expect(report.passages).toBe(fine.passages.length);
    expect(report.failures).toHaveLength(impossible.passages.length);
    for (const failure of report.failures) {
      expect(failure.documentId).toBe(impossible.id);
      expect(failure.reason).toMatch(/themes/);
    }
    expect(await backend.getDocument(fine.id)).toEqual(fine);
    expect(await backend.getDocument(impossible.id)).toBeNull();
  });

  it('refuses to upsert into an index built under another passage declaration', async () => {
    const [live] = await indicesBehindAlias();
    await client.indices.putMapping({ index: live!, _meta: { fingerprint: 'stale' } });
    await expect(backend.index(stream([hostile]))).rejects.toThrow(
      /another passage declaration \(fingerprint stale.*--rebuild/,
    );
    // A rebuild is the way out.
    const report = await backend.index(stream(documents), { mode: 'rebuild' });
    expect(report.failures).toEqual([]);
    expect((await backend.stats()).passages).toBe(passageCount);
  }, 600_000);
});
