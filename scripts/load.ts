// `npm run load`: autocannon against GET /api/search on 127.0.0.1 with the rotating mixed query set
// (bench/query-set.ts), on each backend in turn. Starts and stops its own API server (and an
// Elasticsearch node unless ELASTICSEARCH_URL is given). Exits non-zero on any connection error,
// timeout or non-2xx answer. Beside requests per second it reports the server process's CPU time per
// request (from /proc; on a shared machine a steadier figure than the rate) and the load average.
import autocannon from 'autocannon';
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCorpus, replicated } from '../bench/corpus.ts';
import { acquireElasticsearch } from '../bench/elasticsearch-node.ts';
import { processCpuMs, serveApiProcess } from '../bench/server-process.ts';
import { mixedQuerySet, toUrl } from '../bench/query-set.ts';
import { elasticsearchAlias, openBackend } from '../bench/backends.ts';
import type { DocumentRecord } from '../src/model/document.ts';
import type { BackendName } from '../src/search/backend.ts';
import { backendNames } from '../src/config.ts';
import type { SearchResult } from '../src/search/query.ts';

const LOAD_ES_PORT = 9270;

interface LoadResult {
  backend: BackendName;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of the server process per answered request. */
  serverCpuMsPerRequest: number;
  loadAverage: string;
  errors: number;
  timeouts: number;
  non2xx: number;
}

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('a positive integer');
  return number;
};

const log = (message: string) => console.error(message);

async function hammer(serverEnv: Record<string, string>, connections: number, seconds: number) {
  const server = await serveApiProcess(serverEnv);
  try {
    const facets = (await (await fetch(toUrl(server.url, { size: '0' }))).json()) as SearchResult;
    const paths = mixedQuerySet(facets.facets).map((query) => {
      const url = new URL(toUrl(server.url, query.params));
      return url.pathname + url.search;
    });
    let next = 0;
    const cpuBefore = processCpuMs(server.pid!);
    const result = await autocannon({
      url: server.url,
      connections,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }),
        },
      ],
    });
    return { result, serverCpuMs: processCpuMs(server.pid!) - cpuBefore };
  } finally {
    await server.close();
  }
}

async function loadBackend(
  name: BackendName,
  documents: () => Promise<DocumentRecord[]>,
  options: { connections: number; duration: number; dataDir?: string },
): Promise<LoadResult> {
  // An embedded index given with --data-dir is served as it is.
  const given = name === 'embedded' ? options.dataDir : undefined;
  const dataDir = given ?? (await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-load-')));
  const node = name === 'elasticsearch' ? await acquireElasticsearch('load', LOAD_ES_PORT) : null;
  const backend = await openBackend(name, { dataDir, elasticsearchUrl: node?.url, run: 'load' });
  try {
    if (given === undefined) {
      const corpus = await documents();
      log(`${name}: indexing ${corpus.length} documents…`);
      const report = await backend.index(replicated(corpus, 1), { mode: 'rebuild' });
      if (report.failures.length > 0) {
        throw new Error(`${name}: ${report.failures.length} documents failed to index`);
      }
    }
    // The store is complete on disk (embedded) or in the alias (Elasticsearch): serve it from a
    // process of its own, as `npm start` would.
    if (name === 'embedded') await backend.close();
    log(`${name}: ${options.connections} connections for ${options.duration} s…`);
    const { result, serverCpuMs } = await hammer(
      {
        VRAAGBAAK_BACKEND: name,
        VRAAGBAAK_DATA_DIR: dataDir,
        VRAAGBAAK_ES_ALIAS: elasticsearchAlias('load'),
        ...(node ? { ELASTICSEARCH_URL: node.url } : {}),
      },
      options.connections,
      options.duration,
    );
    if (name === 'elasticsearch') await backend.clear(); // the load index is of no further use
    return {
      backend: name,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      serverCpuMsPerRequest: Math.round((serverCpuMs / result.requests.total) * 100) / 100,
      loadAverage: os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
    };
  } finally {
    await backend.close();
    await node?.release();
    if (given === undefined) await rm(dataDir, { recursive: true, force: true });
  }
}

const program = new Command('load')
  .description('load test of GET /api/search on each backend')
  .option('--backend <name...>', `backends to load (${backendNames.join(', ')})`, [...backendNames])
  .option('--connections <n>', 'concurrent connections', positive, 50)
  .option('--duration <seconds>', 'seconds per backend', positive, 30)
  .option('--data-dir <dir>', 'serve the embedded index already built there instead of indexing')
  .action(
    async (options: {
      backend: string[];
      connections: number;
      duration: number;
      dataDir?: string;
    }) => {
      const unknown = options.backend.filter((name) => !backendNames.includes(name as BackendName));
      if (unknown.length > 0) throw new Error(`unknown backend: ${unknown.join(', ')}`);
      let corpus: DocumentRecord[] | null = null;
      const documents = async () => {
        if (corpus === null) {
          log('Running the pipeline over the dekamer corpus…');
          corpus = (await loadCorpus()).documents;
        }
        return corpus;
      };
      const results: LoadResult[] = [];
      for (const name of options.backend as BackendName[]) {
        results.push(await loadBackend(name, documents, options));
      }
      console.table(results);
      const failed = results.filter((r) => r.errors + r.timeouts + r.non2xx > 0);
      if (failed.length > 0) {
        console.error(
          `load: errors or non-2xx answers on ${failed.map((r) => r.backend).join(', ')}`,
        );
        process.exitCode = 1;
      }
    },
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`load: ${(error as Error).message}`);
  process.exitCode = 1;
}
