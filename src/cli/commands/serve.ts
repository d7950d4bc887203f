// `vraagbaak serve`: the API and search page on one port. On a fresh embedded store the seeds are
// indexed first, so `npm start` on a new checkout has something to search.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Option, type Command } from 'commander';
import type { Logger } from 'pino';
import { createApp, defaultLogger } from '../../api/app.ts';
import { loadPipelineJob } from '../../pipeline/job.ts';
import { parseDocuments } from '../../pipeline/pipeline.ts';
import { BackendUnavailableError, type SearchBackend } from '../../search/backend.ts';
import { backendNames, createBackend } from '../../search/create-backend.ts';

interface ServeOptions {
  port: number;
  host: string;
  backend?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`invalid port "${value}"`);
  }
  return port;
}

async function indexSeedsIfEmpty(backend: SearchBackend, logger: Logger): Promise<void> {
  const before = await backend.stats();
  if (before.passages > 0) {
    logger.info(before, 'store already holds documents; not re-indexing the seeds');
    return;
  }
  const started = performance.now();
  const { paths } = await loadPipelineJob('seeds');
  const report = await backend.index(documentsOf(parseDocuments(paths), logger));
  logger.info(
    { ...report, ms: Math.round(performance.now() - started) },
    'indexed the seeds into the empty store',
  );
}

/** Keeps the documents that parsed; reports the rest by file and reason. */
async function* documentsOf(results: ReturnType<typeof parseDocuments>, logger: Logger) {
  for await (const result of results) {
    if (result.ok) yield result.document;
    else logger.warn({ file: result.file, reason: result.reason }, 'skipped a file');
  }
}

async function prepareBackend(backend: SearchBackend, logger: Logger): Promise<void> {
  try {
    if (backend.name === 'embedded') await indexSeedsIfEmpty(backend, logger);
    else logger.info(await backend.stats(), 'search backend reachable');
  } catch (error) {
    if (!(error instanceof BackendUnavailableError)) throw error;
    // Serve anyway: /api/health answers 503 with the reason and recovers when the engine is back.
    logger.warn({ reason: error.reason }, 'search backend unreachable; serving anyway');
  }
}

export async function serve(options: ServeOptions, logger = defaultLogger()): Promise<void> {
  const started = performance.now();
  const backend = await createBackend(options.backend);
  await prepareBackend(backend, logger);

  const server = createApp({ backend, logger }).listen(options.port, options.host);
  try {
    await once(server, 'listening');
  } catch (error) {
    await backend.close();
    throw error;
  }
  const { address, port, family } = server.address() as AddressInfo;
  logger.info(
    {
      backend: backend.name,
      url: `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`,
      startupMs: Math.round(performance.now() - started),
    },
    'listening',
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

export function registerServe(program: Command): void {
  const command: Command = program
    .command('serve')
    .description('serve the search API and page (indexes the seeds into an empty embedded store)')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on')
        .env('PORT')
        .default(3000)
        .argParser(parsePort),
    )
    .addOption(new Option('--host <host>', 'address to listen on').env('HOST').default('127.0.0.1'))
    .addOption(
      new Option('-b, --backend <name>', 'search backend')
        .choices(backendNames)
        .env('VRAAGBAAK_BACKEND'),
    )
    .action(async (options: ServeOptions) => {
      try {
        await serve(options);
      } catch (error) {
        const problem = listenProblems[(error as NodeJS.ErrnoException).code ?? ''];
        if (!problem) throw error;
        command.error(`cannot listen on ${options.host}:${options.port}: ${problem}`);
      }
    });
}
