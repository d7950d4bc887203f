// Query latency: the fixed mixed set (query-set.ts) through the API on a real socket, and for
// Elasticsearch the very same request bodies sent straight with the client, so the difference is
// what the API layer (HTTP, validation, result shaping) adds.
import type { Client } from '@elastic/elasticsearch';
import type { SearchBackend } from '../src/search/backend.ts';
import { buildSearchRequest } from '../src/search/elasticsearch/search-request.ts';
import { serveApi } from './http-server.ts';
import { mixedQuerySet, toQuery, toUrl, type BenchQuery } from './query-set.ts';
import { LatencyRecorder, type Latency } from './stats.ts';

export interface QueryLatency {
  overall: Latency;
  /** p50 per query of the set, ms. */
  perQueryP50: Record<string, number>;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** Runs every query `rounds` times (after one warm-up round), one at a time. */
async function measure(
  queries: BenchQuery[],
  rounds: number,
  send: (query: BenchQuery) => Promise<unknown>,
): Promise<QueryLatency> {
  for (const query of queries) await send(query);
  const overall = new LatencyRecorder();
  const each = new Map(queries.map((q) => [q.name, new LatencyRecorder()]));
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      await each.get(query.name)!.time(() => overall.time(() => send(query)));
    }
  }
  return {
    overall: overall.summary(),
    perQueryP50: Object.fromEntries([...each].map(([name, r]) => [name, r.summary().p50])),
  };
}

/** The query set for whatever is indexed behind `backend` (facet values from a match-all). */
export async function querySetFor(backend: SearchBackend): Promise<BenchQuery[]> {
  const all = await backend.search(toQuery({ size: '0' }));
  return mixedQuerySet(all.facets);
}

export async function measureApi(
  backend: SearchBackend,
  queries: BenchQuery[],
  rounds: number,
): Promise<QueryLatency> {
  const server = await serveApi(backend);
  try {
    return await measure(queries, rounds, (query) => getJson(toUrl(server.url, query.params)));
  } finally {
    await server.close();
  }
}

/** The ES backend's own request bodies, sent with the client: no API, no result shaping. */
export async function measureElasticsearchDirect(
  client: Client,
  alias: string,
  queries: BenchQuery[],
  rounds: number,
): Promise<QueryLatency> {
  const requests = new Map(
    queries.map((q) => [q.name, buildSearchRequest(alias, toQuery(q.params), null)]),
  );
  return measure(queries, rounds, (query) => client.search(requests.get(query.name)!));
}
