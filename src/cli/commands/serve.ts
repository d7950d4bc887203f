// `vraagbaak serve`: the API and search page on one port. On a fresh embedded store the seeds are
// indexed first, so `npm start` on a new checkout has something to search.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Logger } from '../../logger.ts';
import type { SearchBackend } from '../../search/backend.ts';
import { backendOption, configWith } from '../options.ts';

/** While the index loads or the seeds are indexed: a line this often, so a long start is not silent. */
const STILL_WORKING_EVERY_MS = 5_000;

/** Logs "still <doing> (N s)" every few seconds until `work` settles. */
async function reportingWhile<T>(logger: Logger, doing: string, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const timer = setInterval(() => {
    logger.info(`still ${doing} (${Math.round((performance.now() - started) / 1000)} s)`);
  }, STILL_WORKING_EVERY_MS);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

interface ServeOptions {
  port?: string;
  host?: string;
  backend?: string;
}

async function indexSeedsIfEmpty(backend: SearchBackend, logger: Logger): Promise<void> {
  const before = await backend.stats();
  if (before.passages > 0) return;
  const [{ loadPipelineJob }, { parseDocuments }] = await Promise.all([
    import('../../pipeline/job.ts'),
    import('../../pipeline/pipeline.ts'),
  ]);
  logger.info('the store is empty: indexing the seeds');
  const started = performance.now();
  const { paths } = await loadPipelineJob('seeds');
  const results = parseDocuments(paths);
  async function* documents() {
    for await (const result of results) {
      if (result.ok) yield result.document;
      else logger.warn({ file: result.file, reason: result.reason }, 'skipped a file');
    }
  }
  let report;
  try {
    report = await reportingWhile(logger, 'indexing the seeds', backend.index(documents()));
  } catch (error) {
    // A read-only or full data dir: the seeds are indexed in memory but not saved. Serving them
    // beats exiting; the message says they are not saved.
    if ((await backend.stats()).passages === 0) throw error;
    logger.warn({ event: 'seeds-not-saved', reason: (error as Error).message }, 'seeds not saved');
    return;
  }
  logger.info(
    { event: 'seeds-indexed', ...report, ms: Math.round(performance.now() - started) },
    `indexed the seeds: ${report.documents} documents, ${report.passages} passages`,
  );
}

/** Opens the backend and reports what it holds; an unreachable engine is served anyway (503s). */
async function openBackend(config: Config, logger: Logger): Promise<SearchBackend> {
  const [{ createBackend }, { BackendUnavailableError }] = await Promise.all([
    import('../../search/create-backend.ts'),
    import('../../search/backend.ts'),
  ]);
  const started = performance.now();
  const [doing, where] =
    config.backend === 'embedded'
      ? ['loading the index', `from ${config.dataDir}`]
      : ['connecting to Elasticsearch', `at ${config.elasticsearchUrl}`];
  logger.info(`${doing} ${where}`);
  const backend = await reportingWhile(logger, doing, createBackend(config));
  try {
    if (backend.name === 'embedded') await indexSeedsIfEmpty(backend, logger);
    const stats = await backend.stats();
    logger.info(
      { event: 'index-ready', ...stats, ms: Math.round(performance.now() - started) },
      `index ready: ${stats.documents.toLocaleString('en-US')} documents`,
    );
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    // Serve anyway: /api/health answers 503 with the reason and recovers when the engine is back.
    logger.warn({ reason: error.reason }, 'search backend unreachable; serving anyway');
  }
  return backend;
}

async function passageCount(backend: SearchBackend): Promise<string> {
  try {
    return `${(await backend.stats()).passages.toLocaleString('en-US')} passages`;
  } catch {
    return 'no passages yet';
  }
}

export async function serve(config: Config, logger: Logger): Promise<void> {
  const started = performance.now();
  const { createApp } = await import('../../api/app.ts');
  const backend = await openBackend(config, logger);

  const server = createApp({ backend, logger, corsOrigins: config.corsOrigins }).listen(
    config.port,
    config.host,
  );
  try {
    await once(server, 'listening');
  } catch (error) {
    await backend.close();
    throw error;
  }
  const { address, port, family } = server.address() as AddressInfo;
  const url = `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
  logger.info(
    {
      event: 'listening',
      backend: backend.name,
      url,
      startupMs: Math.round(performance.now() - started),
    },
    `vraagbaak: ${await passageCount(backend)} (${backend.name}) on ${url}`,
  );

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // Finish the requests in flight, drop idle keep-alive connections, then release the store.
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    await closed;
    await backend.close();
    process.exit(0);
  };
  process.once('SIGINT', (signal) => void shutdown(signal));
  process.once('SIGTERM', (signal) => void shutdown(signal));
}

const listenProblems: Record<string, string> = {
  EADDRINUSE: 'the port is already in use (choose another with --port or PORT)',
  EACCES: 'permission denied for this port',
  EADDRNOTAVAIL: 'this machine has no such address (check --host or HOST)',
};

export function define(command: Command): void {
  command
    .option('-p, --port <port>', 'port to listen on (default: $PORT, else 3000)')
    .option('--host <host>', 'address to listen on (default: $HOST, else 127.0.0.1)')
    .addOption(backendOption())
    .action(async (options: ServeOptions) => {
      const config = await configWith(options);
      const { createLogger } = await import('../../logger.ts');
      try {
        await serve(config, await createLogger(config));
      } catch (error) {
        const problem = listenProblems[(error as NodeJS.ErrnoException).code ?? ''];
        if (!problem) throw error;
        command.error(`cannot listen on ${config.host}:${config.port}: ${problem}`);
      }
    });
}
