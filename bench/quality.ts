// npm run bench:quality — known-item search quality on the dekamer corpus, per query class and
// backend, through the SearchBackend interface only: MRR@10, recall@10 and the share of queries
// with no result (see quality/known-items.ts for the queries). Also the indexing time of each
// backend. Options: --backend embedded|elasticsearch (default both), --split dev|test (default
// test), --per-split 150, --seed 11, --json <file>.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readLemmas } from '../scripts/lexicon/lemmas.ts';
import type { BackendName, SearchBackend } from '../src/search/backend.ts';
import { SearchQuery } from '../src/search/query.ts';
import { openBackend } from './backends.ts';
import { loadCorpus, replicated } from './corpus.ts';
import { acquireElasticsearch } from './elasticsearch-node.ts';
import {
  buildKnownItems,
  queryClasses,
  type KnownItemQuery,
  type QueryClass,
} from './quality/known-items.ts';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', multiple: true },
    split: { type: 'string', default: 'test' },
    'per-split': { type: 'string', default: '150' },
    seed: { type: 'string', default: '11' },
    json: { type: 'string' },
  },
});
const backends = (values.backend ?? ['embedded', 'elasticsearch']) as BackendName[];
const TOP = 10;

interface ClassFigures {
  queries: number;
  mrr: number;
  recall: number;
  zero: number;
}

async function measure(backend: SearchBackend, queries: KnownItemQuery[]) {
  const perClass = new Map<QueryClass, { rr: number; found: number; zero: number; n: number }>();
  for (const query of queries) {
    const result = await backend.search(
      SearchQuery.parse({
        q: query.q,
        groupBy: 'document',
        size: TOP,
        facets: false,
        highlight: false,
      }),
    );
    const rank = result.hits.findIndex((hit) => query.relevant.includes(hit.documentId));
    const tally = perClass.get(query.class) ?? { rr: 0, found: 0, zero: 0, n: 0 };
    tally.n++;
    if (rank !== -1) {
      tally.rr += 1 / (rank + 1);
      tally.found++;
    }
    if (result.total === 0) tally.zero++;
    perClass.set(query.class, tally);
  }
  const figures: Partial<Record<QueryClass, ClassFigures>> = {};
  for (const cls of queryClasses) {
    const t = perClass.get(cls);
    if (t)
      figures[cls] = { queries: t.n, mrr: t.rr / t.n, recall: t.found / t.n, zero: t.zero / t.n };
  }
  return figures;
}

const corpus = await loadCorpus();
const { lemmas, words } = readLemmas();
const all = buildKnownItems(corpus.documents, lemmas, words, {
  seed: Number(values.seed),
  perSplit: Number(values['per-split']),
});
const queries = all.filter((q) => q.split === values.split);
console.error(
  `${corpus.documents.length} documents, ${corpus.passages} passages; ${queries.length} ${values.split} queries`,
);

const report: Record<string, unknown> = {
  split: values.split,
  seed: Number(values.seed),
  loadAverage: os.loadavg()[0],
  backends: {},
};
for (const name of backends) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-quality-'));
  const node = name === 'elasticsearch' ? await acquireElasticsearch('quality', 9280) : undefined;
  const backend = await openBackend(name, { dataDir, elasticsearchUrl: node?.url, run: 'quality' });
  try {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await backend.index(replicated(corpus.documents, 1), { mode: 'rebuild' });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const figures = await measure(backend, queries);
    (report.backends as Record<string, unknown>)[name] = {
      indexSeconds: seconds,
      indexCpuSeconds: cpuSeconds,
      passagesPerSecond: corpus.passages / seconds,
      figures,
    };
    console.log(
      `\n${name}: indexed ${corpus.passages} passages in ${seconds.toFixed(1)} s (${(corpus.passages / seconds).toFixed(0)}/s, this process ${cpuSeconds.toFixed(1)} CPU-s)`,
    );
    console.log('class        queries  MRR@10  recall@10  zero results');
    for (const [cls, f] of Object.entries(figures))
      console.log(
        `${cls.padEnd(12)} ${String(f.queries).padStart(7)}  ${f.mrr.toFixed(3)}   ${(100 * f.recall).toFixed(1).padStart(6)}%   ${(100 * f.zero).toFixed(1).padStart(6)}%`,
      );
  } finally {
    await backend.clear();
    await backend.close();
    await node?.release();
    await rm(dataDir, { recursive: true, force: true });
  }
}
if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
