// The minister facet on federal documents, on both engines: documents of the dekamer corpus that
// straddle a reshuffle (Sleurs → Demir on 24 February 2017) and two other offices, indexed for
// real; the facet counts the persons, a filter on one person finds exactly her passages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { DEKAMER, parseAll, stream } from '../support/corpus.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';

const offices = [
  /^Staatssecretaris voor Armoedebestrijding/,
  /^Minister van Pensioenen$/,
  /^Eerste minister$/,
];

let sample: DocumentRecord[];
beforeAll(async () => {
  const all = await parseAll([DEKAMER]);
  sample = all.filter((d) => offices.some((office) => office.test(d.ministerOffice ?? '')));
}, 120_000);

/** Passages per person, counted from the parsed documents: what the facet must show. */
function expectedFacet(): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of sample)
    counts.set(d.minister!, (counts.get(d.minister!) ?? 0) + d.passages.length);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function ministerFacetSuite(open: () => Promise<SearchBackend>) {
  let backend: SearchBackend;
  beforeAll(async () => {
    backend = await open();
    await backend.clear();
    await backend.index(stream(sample));
  }, 300_000);
  afterAll(async () => {
    await backend?.clear();
    await backend?.close();
  });

  it('every sampled document names its minister, both sides of the reshuffle', () => {
    expect(sample.length).toBeGreaterThan(200);
    expect(sample.every((d) => d.minister)).toBe(true);
    const people = new Set(sample.map((d) => d.minister));
    expect(people).toEqual(
      new Set(['Elke Sleurs', 'Zuhal Demir', 'Daniel Bacquelaine', 'Charles Michel']),
    );
  });

  it('counts passages per minister in the facet', async () => {
    const result = await backend.search(SearchQuery.parse({ q: '', size: 1 }));
    expect(result.facets.minister).toEqual(expectedFacet());
  });

  it('filters on one minister: exactly her passages, each hit naming her', async () => {
    const demir = sample.filter((d) => d.minister === 'Zuhal Demir');
    const result = await backend.search(
      SearchQuery.parse({ q: '', filters: { minister: ['Zuhal Demir'] }, size: 100 }),
    );
    expect(result.total).toBe(demir.reduce((n, d) => n + d.passages.length, 0));
    expect(result.hits.every((hit) => hit.minister === 'Zuhal Demir')).toBe(true);
    expect(demir.every((d) => d.date! >= '2017-02-24')).toBe(true);
  });
}

describe('minister facet on federal data: embedded', () => {
  let dataDir: string;
  ministerFacetSuite(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-ministers-'));
    return EmbeddedBackend.open({ dataDir });
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
});

describeElasticsearch('minister facet on federal data: Elasticsearch', () => {
  ministerFacetSuite(
    async () =>
      new ElasticsearchBackend({
        client: createElasticsearchClient(elasticsearchUrl()),
        alias: `vraagbaak-passages-test-ministers-p${process.pid}`,
      }),
  );
});
