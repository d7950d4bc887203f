// `npx tsx bench/api-overhead.ts`: what the HTTP API itself costs per search (routing, zod
// validation, logging, JSON), beside what the search behind it costs.
//
// Embedded: the mixed query set on the engine in this process (CPU time per search), and one
// request at a time against `vraagbaak serve` in a process of its own on the same index (its CPU
// time per request read from /proc), in alternating rounds. The API's own cost is the difference of
// the two means (CPU time is the figure that holds on a busy machine).
//
// With --elasticsearch: the same queries through `vraagbaak serve` on Elasticsearch, and the very
// bodies the backend builds (buildSearchRequest) sent straight to the node with the client, query by
// query alternately; the API's overhead is the ratio of the two wall-clock medians. The node is
// ELASTICSEARCH_URL when set, else one of its own on port 9285.
//
// --data-dir reuses an embedded index already built there.
import { Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentRecord } from '../src/model/document.ts';
import { createElasticsearchClient } from '../src/search/elasticsearch/client.ts';
import { buildSearchRequest } from '../src/search/elasticsearch/search-request.ts';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';
import { elasticsearchAlias, openBackend } from './backends.ts';
import { loadCorpus, replicated } from './corpus.ts';
import { acquireElasticsearch } from './elasticsearch-node.ts';
import { mixedQuerySet, toQuery, toUrl, type BenchQuery, type QueryParams } from './query-set.ts';
import { processCpuMs, serveApiProcess } from './server-process.ts';
import { median, round } from './stats.ts';

const ES_PORT = 9285;
const RUN = 'apioverhead';

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const options = new Command()
  .option('--rounds <n>', 'rounds of the query set', Number, 30)
  .option('--data-dir <dir>', 'an embedded index already built (else the corpus is indexed)')
  .option('--elasticsearch', 'also measure the API on Elasticsearch against the client direct')
  .option('--no-embedded', 'skip the embedded measurement')
  .parse()
  .opts<{ rounds: number; dataDir?: string; elasticsearch?: boolean; embedded: boolean }>();

/** GET /api/search on `base` with `params`, the answer read to its end. */
async function ask(base: string, params: QueryParams): Promise<void> {
  const response = await fetch(toUrl(base, params));
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

let corpus: DocumentRecord[] | null = null;
const documents = async () => (corpus ??= (await loadCorpus()).documents);

async function measureEmbedded() {
  const dataDir =
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-api-overhead-')));
  try {
    const backend = await EmbeddedBackend.open({ dataDir });
    if (options.dataDir === undefined)
      await backend.index(replicated(await documents(), 1), { mode: 'rebuild' });
    const queries = mixedQuerySet((await backend.search(toQuery({ size: '0' }))).facets);
    const server = await serveApiProcess({
      VRAAGBAAK_BACKEND: 'embedded',
      VRAAGBAAK_DATA_DIR: dataDir,
    });
    const engine: number[] = [];
    const serverPerRound: number[] = [];
    const enginePerRound: number[] = [];
    try {
      for (const query of queries) {
        await backend.search(toQuery(query.params));
        await ask(server.url, query.params);
      }
      for (let round = 0; round < options.rounds; round++) {
        const roundEngine: number[] = [];
        for (const query of queries) {
          // The API parses the query string too; here it is parsed outside the measured call.
          const parsed = toQuery(query.params);
          const before = ownCpuMs();
          await backend.search(parsed);
          roundEngine.push(ownCpuMs() - before);
        }
        engine.push(...roundEngine);
        enginePerRound.push(mean(roundEngine));
        const before = processCpuMs(server.pid!);
        for (const query of queries) await ask(server.url, query.params);
        serverPerRound.push((processCpuMs(server.pid!) - before) / queries.length);
      }
    } finally {
      await server.close();
      await backend.close();
    }
    const engineMean = mean(engine);
    const serverMean = mean(serverPerRound);
    return {
      searches: engine.length,
      engineCpuMsPerSearch: { mean: round(engineMean, 2), p50: round(median(engine), 2) },
      serverCpuMsPerRequest: round(serverMean, 2),
      apiOwnCpuMsPerRequest: round(serverMean - engineMean, 2),
      apiOwnCpuMsMedianOfRounds: round(
        median(serverPerRound.map((server, i) => server - enginePerRound[i]!)),
        2,
      ),
    };
  } finally {
    if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
  }
}

async function measureElasticsearch() {
  const node = await acquireElasticsearch(RUN, ES_PORT);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-api-overhead-es-'));
  const backend = await openBackend('elasticsearch', {
    dataDir,
    elasticsearchUrl: node.url,
    run: RUN,
  });
  const client = createElasticsearchClient(node.url);
  try {
    const report = await backend.index(replicated(await documents(), 1), { mode: 'rebuild' });
    if (report.failures.length > 0) throw new Error(`${report.failures.length} documents failed`);
    const queries: BenchQuery[] = mixedQuerySet(
      (await backend.search(toQuery({ size: '0' }))).facets,
    );
    const bodies = new Map(
      queries.map((q) => [
        q.name,
        buildSearchRequest(elasticsearchAlias(RUN), toQuery(q.params), null),
      ]),
    );
    const server = await serveApiProcess({
      VRAAGBAAK_BACKEND: 'elasticsearch',
      VRAAGBAAK_DATA_DIR: dataDir,
      VRAAGBAAK_ES_ALIAS: elasticsearchAlias(RUN),
      ELASTICSEARCH_URL: node.url,
    });
    const direct: number[] = [];
    const api: number[] = [];
    const perQuery = new Map(
      queries.map((q) => [q.name, { direct: [] as number[], api: [] as number[] }]),
    );
    let serverCpuMs = 0;
    try {
      const timeDirect = async (query: BenchQuery) => {
        const started = performance.now();
        await client.search(bodies.get(query.name)!);
        return performance.now() - started;
      };
      const timeApi = async (query: BenchQuery) => {
        const started = performance.now();
        await ask(server.url, query.params);
        return performance.now() - started;
      };
      for (const query of queries) {
        // One at a time: two match-all aggregations at once trip a 1 GB node's circuit breaker.
        await timeDirect(query);
        await timeApi(query);
      }
      const cpuBefore = processCpuMs(server.pid!);
      for (let round = 0; round < options.rounds; round++) {
        for (const query of queries) {
          // Which goes first alternates, so neither always meets the node's caches warmer.
          const first = round % 2 === 0;
          const a = first ? await timeDirect(query) : await timeApi(query);
          const b = first ? await timeApi(query) : await timeDirect(query);
          const [d, p] = first ? [a, b] : [b, a];
          direct.push(d);
          api.push(p);
          perQuery.get(query.name)!.direct.push(d);
          perQuery.get(query.name)!.api.push(p);
        }
      }
      serverCpuMs = processCpuMs(server.pid!) - cpuBefore;
    } finally {
      await server.close();
    }
    return {
      requests: api.length,
      directP50Ms: round(median(direct), 2),
      apiP50Ms: round(median(api), 2),
      apiOverDirect: round(median(api) / median(direct), 2),
      serverCpuMsPerRequest: round(serverCpuMs / api.length, 2),
      perQueryP50Ms: Object.fromEntries(
        [...perQuery].map(([name, times]) => [
          name,
          { direct: round(median(times.direct), 2), api: round(median(times.api), 2) },
        ]),
      ),
    };
  } finally {
    await backend.clear();
    await backend.close();
    await client.close();
    await node.release();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const loadAtStart = os.loadavg().map((l) => round(l, 1));
const embedded = options.embedded ? await measureEmbedded() : null;
const elasticsearch = options.elasticsearch ? await measureElasticsearch() : null;
console.log(
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((l) => round(l, 1)) },
      rounds: options.rounds,
      embedded,
      elasticsearch,
    },
    null,
    2,
  ),
);
