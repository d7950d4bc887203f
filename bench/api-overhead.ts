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
// With --elasticsearch: the same queries three ways, query by query in turn, so whatever the node
// saves on a request is saved on all three: through `vraagbaak serve` on Elasticsearch; the very
// request the backend builds (buildSearchRequest: the body and the query parameters alike) sent
// straight to the node with the client; and that request sent with the client through a
// pass-through proxy (bench/pass-through-proxy.ts: a process that forwards bytes and parses
// nothing), the hop that any service in front of the node adds. All are read with undici (the
// client's own HTTP library: a request on a kept-alive connection) and their answer parsed as JSON.
// The API's overhead: the median of the per-request ratios (apiOverDirectPaired: each API request
// over the direct one of the same query next to it in time, so a node that speeds up or slows down
// during the run moves both), beside the ratio of the two medians of the whole mixed set
// (apiOverDirect, as reported before, which compares whichever queries happen to sit at the two
// medians); the median of the per-request differences says what the API adds in milliseconds, and
// apiMinusHopP50Ms what it adds beyond the hop: its own work. The serving process records where
// each search's time goes (bench/request-timeline.ts, loaded with --import): `inServer` is the API's
// own time before it asks the node and after the node's answer. The node is ELASTICSEARCH_URL when
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
import { passThroughProxyProcess } from './pass-through-proxy.ts';
import { processCpuMs, serveApiProcess } from './server-process.ts';
import { median, round } from './stats.ts';

const ES_PORT = 9285;
const RUN = 'apioverhead';
/** The ways a query reaches the node: the client direct, through the pass-through proxy, the API. */
const SIDES = ['direct', 'hop', 'api'] as const;
type Side = (typeof SIDES)[number];
const noTimes = (): Record<Side, number[]> => ({ direct: [], hop: [], api: [] });
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
async function askApi(base: string, params: QueryParams): Promise<void> {
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

/**
 * The API and the pass-through proxy against the client direct, request by request (`api[i]`,
 * `hop[i]` and `direct[i]` asked the same query in turn).
 */
function overhead({ api, hop, direct }: Record<Side, number[]>) {
  const paired = (times: number[], f: (t: number, d: number) => number) =>
    round(median(times.map((t, i) => f(t, direct[i]!))), 2);
  return {
    requests: api.length,
    directP50Ms: round(median(direct), 2),
    apiP50Ms: round(median(api), 2),
    apiOverDirect: round(median(api) / median(direct), 2),
    apiOverDirectPaired: paired(api, (t, d) => t / d),
    apiMinusDirectP50Ms: paired(api, (t, d) => t - d),
    hopP50Ms: round(median(hop), 2),
    hopOverDirectPaired: paired(hop, (t, d) => t / d),
    hopMinusDirectP50Ms: paired(hop, (t, d) => t - d),
    apiMinusHopP50Ms: round(median(api.map((t, i) => t - hop[i]!)), 2),
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
        for (const query of queries) await askApi(server.url, query.params);
      const warm = await server.counters();
      for (let round = 0; round < options.rounds; round++)
        for (const query of queries) await askApi(server.url, query.params);
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
  const hopProxy = await passThroughProxyProcess(node.url);
  const viaHop = createElasticsearchClient(hopProxy.url);
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
    const ask: Record<Side, (query: BenchQuery) => Promise<unknown>> = {
      direct: (query) => client.search(bodies.get(query.name)!),
      hop: (query) => viaHop.search(bodies.get(query.name)!),
      api: (query) => askApi(server.url, query.params),
    };
    const timed = { measured: noTimes(), warmup: noTimes() };
    const perQuery = new Map(queries.map((q) => [q.name, noTimes()]));
    let serverCpuMs = 0;
    try {
      // One at a time: two match-all aggregations at once trip a 1 GB node's circuit breaker.
      let cpuBefore = 0;
      for (let round = 0; round < options.warmup + options.rounds; round++) {
        if (round === options.warmup) cpuBefore = processCpuMs(server.pid!);
        // Which goes first rotates, so none always meets the node's caches warmer.
        const first = round % SIDES.length;
        const order = [...SIDES.slice(first), ...SIDES.slice(0, first)];
        for (const query of queries) {
          for (const side of order) {
            const started = performance.now();
            await ask[side](query);
            const ms = performance.now() - started;
            if (round < options.warmup) {
              timed.warmup[side].push(ms);
              continue;
            }
            timed.measured[side].push(ms);
            perQuery.get(query.name)![side].push(ms);
          }
        }
      }
      serverCpuMs = processCpuMs(server.pid!) - cpuBefore;
    } finally {
      await server.close();
    }
    const requests = timed.measured.api.length;
    return {
      ...overhead(timed.measured),
      serverCpuMsPerRequest: round(serverCpuMs / requests, 2),
      perQueryP50Ms: Object.fromEntries(
        [...perQuery].map(([name, times]) => [
          name,
          Object.fromEntries(SIDES.map((side) => [side, round(median(times[side]), 2)])),
        ]),
      ),
      inServer: await inServer(timelineFile, requests),
      warmup: overhead(timed.warmup),
    };
  } finally {
    await backend.clear();
    await backend.close();
    await client.close();
    await viaHop.close();
    await hopProxy.close();
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
