// Parity of the embedded engine with Elasticsearch (the reference) on the seeds and the dekamer
// corpus: identical totals, facets and histogram for filter-only queries; for text queries drawn
// from the corpus, identical totals for ≥ 95% and a mean top-10 overlap ≥ 0.8; for similar questions
// (more_like_this on Elasticsearch, its twin on the embedded engine), a mean top-10 overlap ≥ 0.8.
// Prints the figures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyzeWith } from '../../src/analysis/analyzer.ts';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { SearchQuery, type SearchQueryInput } from '../../src/search/query.ts';
import { similarToDocument } from '../../src/search/similar/like-document.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { DEKAMER, SEEDS_DIR, parseAll, stream } from './fixture.ts';

const INDEXING_TIMEOUT_MS = 1_800_000;
/** 40 documents, each a document fetch and a similar search on both engines. */
const SIMILAR_TIMEOUT_MS = 300_000;

/** Title words worth searching for: alphabetic, not a stopword, at least 6 letters. */
function titleWords(title: string): string[] {
  return analyzeWith('dutch_text', title)
    .filter((t) => t.term !== null && /^\p{L}{6,}$/u.test(t.text))
    .map((t) => t.text.toLowerCase());
}

/** ≥ 40 realistic queries from the corpus: single terms, two terms, phrases, exclusions, prefixes. */
function textQueries(documents: DocumentRecord[]): string[] {
  const titled = documents.filter((d) => d.title && titleWords(d.title).length >= 2);
  const queries: string[] = [];
  const step = Math.max(1, Math.floor(titled.length / 10));
  for (let i = 0; i < 10 && i * step < titled.length; i++) {
    const title = titled[i * step]!.title!;
    const [first, second] = titleWords(title) as [string, string];
    const adjacent = analyzeWith('dutch_exact', title).map((t) => t.text);
    const other = titleWords(titled[(i * step + Math.floor(step / 2)) % titled.length]!.title!)[0]!;
    queries.push(
      first,
      `${first} ${second}`,
      `"${adjacent.slice(0, 2).join(' ')}"`,
      `${first} -${other}`,
      `${first.slice(0, 5)}*`,
    );
  }
  return queries;
}

function filterQueries(facetValues: Record<string, string[]>): SearchQueryInput[] {
  const queries: SearchQueryInput[] = [
    { q: '' },
    { q: '', dateFrom: '2017-03-01', dateTo: '2017-06-30' },
    { q: '', amountMin: 1_000_000 },
    { q: '', filters: { type: ['answer'] } },
  ];
  for (const [facet, values] of Object.entries(facetValues)) {
    for (const value of values.slice(0, 3)) queries.push({ q: '', filters: { [facet]: [value] } });
    if (values.length >= 2) queries.push({ q: '', filters: { [facet]: values.slice(0, 2) } });
  }
  return queries;
}

function topOverlap(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const inB = new Set(b);
  return a.filter((id) => inB.has(id)).length / Math.max(a.length, b.length);
}

describeElasticsearch('Parity: embedded vs Elasticsearch', () => {
  let embedded: SearchBackend;
  let elasticsearch: SearchBackend;
  let documents: DocumentRecord[];
  let dataDir: string;

  beforeAll(async () => {
    documents = await parseAll([SEEDS_DIR, DEKAMER]);
    dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-parity-'));
    embedded = await EmbeddedBackend.open({ dataDir });
    elasticsearch = new ElasticsearchBackend({
      client: createElasticsearchClient(elasticsearchUrl()),
      alias: `vraagbaak-passages-test-parity-p${process.pid}`,
    });
    const started = performance.now();
    const report = await embedded.index(stream(documents), { mode: 'rebuild' });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `embedded indexing: ${report.passages} passages in ${seconds.toFixed(1)} s ` +
        `(${Math.round(report.passages / seconds)} passages/s)`,
    );
    await elasticsearch.index(stream(documents), { mode: 'rebuild' });
  }, INDEXING_TIMEOUT_MS);

  afterAll(async () => {
    await elasticsearch?.clear();
    await elasticsearch?.close();
    await embedded?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const search = (backend: SearchBackend, input: SearchQueryInput) =>
    backend.search(SearchQuery.parse(input));

  it('gives identical totals, facets and histogram for filter-only queries', async () => {
    const all = await search(elasticsearch, { q: '', size: 0 });
    const values = Object.fromEntries(
      Object.entries(all.facets).map(([facet, counts]) => [facet, counts.map((c) => c.value)]),
    );
    const queries = filterQueries(values);
    for (const query of queries) {
      const [mine, reference] = await Promise.all([
        search(embedded, { ...query, size: 10 }),
        search(elasticsearch, { ...query, size: 10 }),
      ]);
      const label = JSON.stringify(query);
      expect(mine.total, label).toBe(reference.total);
      expect(mine.facets, label).toEqual(reference.facets);
      expect(mine.histogram, label).toEqual(reference.histogram);
    }
    console.log(`filter-only parity: ${queries.length} queries, all identical`);
  });

  it(
    'agrees on similar questions: mean top-10 overlap ≥ 0.8',
    async () => {
      const asking = documents.filter((d) => d.passages.some((p) => p.type === 'question'));
      const step = Math.floor(asking.length / 40);
      const sample = asking.filter((_, i) => i % step === 0).slice(0, 40);
      let overlapSum = 0;
      for (const document of sample) {
        const [mine, reference] = await Promise.all([
          similarToDocument(embedded, document.id, { size: 10 }),
          similarToDocument(elasticsearch, document.id, { size: 10 }),
        ]);
        overlapSum += topOverlap(
          mine.hits.map((h) => h.documentId),
          reference.hits.map((h) => h.documentId),
        );
      }
      const meanOverlap = overlapSum / sample.length;
      console.log(
        `similar-questions parity over ${sample.length} documents: mean top-10 overlap ${meanOverlap.toFixed(3)}`,
      );
      expect(meanOverlap).toBeGreaterThanOrEqual(0.8);
    },
    SIMILAR_TIMEOUT_MS,
  );

  it('agrees on text queries: totals for ≥ 95%, mean top-10 overlap ≥ 0.8', async () => {
    const queries = textQueries(documents);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    let sameTotal = 0;
    let overlapSum = 0;
    const differences: string[] = [];
    for (const q of queries) {
      const [mine, reference] = await Promise.all([
        search(embedded, { q, size: 10 }),
        search(elasticsearch, { q, size: 10 }),
      ]);
      if (mine.total === reference.total) sameTotal++;
      else differences.push(`${q}: embedded ${mine.total}, elasticsearch ${reference.total}`);
      overlapSum += topOverlap(
        mine.hits.map((h) => h.id),
        reference.hits.map((h) => h.id),
      );
    }
    const totalsShare = sameTotal / queries.length;
    const meanOverlap = overlapSum / queries.length;
    console.log(
      `text-query parity over ${queries.length} queries: identical totals ${(totalsShare * 100).toFixed(1)}%, ` +
        `mean top-10 overlap ${meanOverlap.toFixed(3)}` +
        (differences.length > 0 ? `\n  differing totals:\n  ${differences.join('\n  ')}` : ''),
    );
    expect(totalsShare).toBeGreaterThanOrEqual(0.95);
    expect(meanOverlap).toBeGreaterThanOrEqual(0.8);
  });
});
