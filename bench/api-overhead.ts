// `npx tsx bench/api-overhead.ts`: what the HTTP API itself costs per search (routing, zod
// validation, logging, JSON), beside what the search behind it costs.
//
// Embedded: the mixed query set, one request at a time, against the API in a process of its own
// (bench/measured-api-server.ts: the app `vraagbaak serve` builds, its log lines included), which
// counts its CPU time and that of the engine's searches within it. The figure: the API's own CPU per
// request = (the process's CPU - the searches' CPU) / requests over --rounds rounds, after --warmup
// rounds that are not counted, for a server in its steady state (figures over the warm-up are
// reported apart, as `warmup`). The warm-up is long: the request path (Express, zod, undici, the
// Elasticsearch client) is a great deal of code that runs once a request, so V8 optimises it only
// after a few thousand requests; on Elasticsearch the API process's CPU a request fell by a third
// to two fifths from the first thousand requests to the third. A mean of totals, because CPU time
// adds up, and both counted in the one process that serves: an engine timed in another process (as
// before) runs with other caches and garbage, and /proc's 10 ms ticks knew a round of 17 requests
// only to ±0.6 ms a request.
//
// With --elasticsearch: the same queries through `vraagbaak serve` on Elasticsearch, and the very
// request the backend builds (buildSearchRequest: the body and the query parameters alike) sent
// straight to the node with the client, query by query alternately, so whatever the node saves on a
// request is saved on both sides. Both sides are read with undici (the client's own HTTP library:
// a request on a kept-alive connection) and their answer parsed as JSON. The API's overhead: the
// median of the per-request ratios (apiOverDirectPaired: each API request over the direct one of the
// same query next to it in time, so a node that speeds up or slows down during the run moves both),
// beside the ratio of the two medians of the whole mixed set (apiOverDirect, as reported before,
// which compares whichever queries happen to sit at the two medians); the median of the
// per-request differences says what the API adds in milliseconds. The serving process records
// where each search's time goes (bench/request-timeline.ts, loaded with --import): `inServer` is the
// API's own time before it asks the node and after the node's answer; the rest of what it adds is
// the hop, a request and a response more between processes. The node is ELASTICSEARCH_URL when
// set, else one of its own on port 9285.
//
// --data-dir reuses an embedded index already built there.
import { Command } from 'commander';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import type { DocumentRecord } from '../src/model/document.ts';
import type { SearchResult } from '../src/search/query.ts';
import { createElasticsearchClient } from '../src/search/elasticsearch/client.ts';
import { buildSearchRequest } from '../src/search/elasticsearch/search-request.ts';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';
import { elasticsearchAlias, openBackend } from './backends.ts';
import { loadCorpus, replicated } from './corpus.ts';
import { acquireElasticsearch } from './elasticsearch-node.ts';
import { mixedQuerySet, toQuery, toUrl, type BenchQuery, type QueryParams } from './query-set.ts';
import { measuredApiProcess, type CpuCounters } from './measured-api-server.ts';
import type { RequestTimeline } from './request-timeline.ts';
import { processCpuMs, serveApiProcess } from './server-process.ts';
import { median, round } from './stats.ts';

const ES_PORT = 9285;
const RUN = 'apioverhead';
const REQUEST_TIMELINE = new URL('./request-timeline.ts', import.meta.url).pathname;

const options = new Command()
  .option('--rounds <n>', 'rounds of the query set', Number, 30)
  .option('--warmup <n>', 'rounds before the counted ones', Number, 120)
  .option('--data-dir <dir>', 'an embedded index already built (else the corpus is indexed)')
  .option('--elasticsearch', 'also measure the API on Elasticsearch against the client direct')
  .option('--no-embedded', 'skip the embedded measurement')
  .parse()
  .opts<{
    rounds: number;
    warmup: number;
    dataDir?: string;
    elasticsearch?: boolean;
    embedded: boolean;
  }>();

/** The facets of a match-all search on the API at `base` (the query set takes their top values). */
async function facetsOf(base: string): Promise<SearchResult['facets']> {
  const { body } = await request(toUrl(base, { size: '0' }));
  return ((await body.json()) as SearchResult).facets;
}

/** GET /api/search on `base` with `params`, the answer parsed as the client parses the node's. */
async function ask(base: string, params: QueryParams): Promise<void> {
  const { statusCode, body } = await request(toUrl(base, params));
  if (statusCode !== 200) throw new Error(`${statusCode}: ${await body.text()}`);
  await body.json();
}

/** The CPU a request between two readings of a measured server's counters. */
function perRequest(before: CpuCounters, after: CpuCounters) {
  const requests = after.searches - before.searches;
  const serverMs = (after.processMs - before.processMs) / requests;
  const searchMs = (after.searchMs - before.searchMs) / requests;
  return {
    requests,
    serverCpuMsPerRequest: round(serverMs, 3),
    engineCpuMsPerSearch: round(searchMs, 3),
    apiOwnCpuMsPerRequest: round(serverMs - searchMs, 3),
  };
}

/** API against direct, request by request (`api[i]` and `direct[i]` asked the same query in turn). */
function overhead(api: number[], direct: number[]) {
  return {
    requests: api.length,
    directP50Ms: round(median(direct), 2),
    apiP50Ms: round(median(api), 2),
    apiOverDirect: round(median(api) / median(direct), 2),
    apiOverDirectPaired: round(median(api.map((p, i) => p / direct[i]!)), 2),
    apiMinusDirectP50Ms: round(median(api.map((p, i) => p - direct[i]!)), 2),
  };
}

/**
 * Where the API's time goes in the serving process over its last `requests` searches (the measured
 * ones): before it asks the engine, waiting for the engine's answer, and after it until the
 * response is written. What the API adds beyond `before + after` is the hop: the extra request and
 * response between processes.
 */
async function inServer(file: string, requests: number) {
  const timelines = (await readFile(file, 'utf8'))
    .split('\n')
    .slice(-requests)
    .map((line) => JSON.parse(line) as RequestTimeline);
  const p50 = (ms: (t: RequestTimeline) => number) => round(median(timelines.map(ms)), 2);
  return {
    requests: timelines.length,
    beforeEngineP50Ms: p50((t) => t.engineAsked! - t.arrived),
    engineP50Ms: p50((t) => t.engineAnswered! - t.engineAsked!),
    afterEngineP50Ms: p50((t) => t.responded - t.engineAnswered!),
    apiP50Ms: p50((t) => t.engineAsked! - t.arrived + (t.responded - t.engineAnswered!)),
  };
}

let corpus: DocumentRecord[] | null = null;
const documents = async () => (corpus ??= (await loadCorpus()).documents);

async function measureEmbedded() {
  const dataDir =
    options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-api-overhead-')));
  try {
    if (options.dataDir === undefined) {
      const backend = await EmbeddedBackend.open({ dataDir });
      await backend.index(replicated(await documents(), 1), { mode: 'rebuild' });
      await backend.close();
    }
    const server = await measuredApiProcess({
      VRAAGBAAK_BACKEND: 'embedded',
      VRAAGBAAK_DATA_DIR: dataDir,
    });
    try {
      const queries = mixedQuerySet(await facetsOf(server.url));
      const start = await server.counters();
      for (let round = 0; round < options.warmup; round++)
        for (const query of queries) await ask(server.url, query.params);
      const warm = await server.counters();
      for (let round = 0; round < options.rounds; round++)
        for (const query of queries) await ask(server.url, query.params);
      return { ...perRequest(warm, await server.counters()), warmup: perRequest(start, warm) };
    } finally {
      await server.close();
    }
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
    const timelineFile = path.join(dataDir, 'request-timeline.jsonl');
    const server = await serveApiProcess({
      VRAAGBAAK_BACKEND: 'elasticsearch',
      VRAAGBAAK_DATA_DIR: dataDir,
      VRAAGBAAK_ES_ALIAS: elasticsearchAlias(RUN),
      ELASTICSEARCH_URL: node.url,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx --import ${REQUEST_TIMELINE}`,
      VRAAGBAAK_REQUEST_TIMELINE: timelineFile,
    });
    const direct: number[] = [];
    const api: number[] = [];
    const warmup = { direct: [] as number[], api: [] as number[] };
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
      // One at a time: two match-all aggregations at once trip a 1 GB node's circuit breaker.
      let cpuBefore = 0;
      for (let round = 0; round < options.warmup + options.rounds; round++) {
        if (round === options.warmup) cpuBefore = processCpuMs(server.pid!);
        for (const query of queries) {
          // Which goes first alternates, so neither always meets the node's caches warmer.
          const first = round % 2 === 0;
          const a = first ? await timeDirect(query) : await timeApi(query);
          const b = first ? await timeApi(query) : await timeDirect(query);
          const [d, p] = first ? [a, b] : [b, a];
          if (round < options.warmup) {
            warmup.direct.push(d);
            warmup.api.push(p);
            continue;
          }
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
      ...overhead(api, direct),
      serverCpuMsPerRequest: round(serverCpuMs / api.length, 2),
      perQueryP50Ms: Object.fromEntries(
        [...perQuery].map(([name, times]) => [
          name,
          { direct: round(median(times.direct), 2), api: round(median(times.api), 2) },
        ]),
      ),
      inServer: await inServer(timelineFile, api.length),
      warmup: overhead(warmup.api, warmup.direct),
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
      warmupRounds: options.warmup,
      embedded,
      elasticsearch,
    },
    null,
    2,
  ),
);
