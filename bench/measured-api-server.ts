// The API as `vraagbaak serve` builds it (createApp, the configured backend, JSON log lines on
// stdout), in a process of its own, counting the CPU time of its own process and of the backend's
// searches within it. bench/api-overhead.ts takes the difference: what the API itself costs, with
// the engine measured where it runs (the same process, among the same requests), not in another.
// Started by measuredApiProcess below; asked for its counters over the IPC channel.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/api/app.ts';
import { readConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import type { SearchBackend } from '../src/search/backend.ts';
import { createBackend } from '../src/search/create-backend.ts';
import type { RunningServer } from './http-server.ts';
import { listeningUrl } from './server-process.ts';

export interface CpuCounters {
  /** CPU time of the whole process (all threads), ms. */
  processMs: number;
  /** CPU time spent inside backend.search, ms. */
  searchMs: number;
  searches: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** `backend` with its searches' CPU time added to `counters` (one request at a time is asked). */
function countingSearches(backend: SearchBackend, counters: CpuCounters): SearchBackend {
  const search: SearchBackend['search'] = async (query) => {
    const before = cpuMs();
    try {
      return await backend.search(query);
    } finally {
      counters.searchMs += cpuMs() - before;
      counters.searches += 1;
    }
  };
  return new Proxy(backend, {
    get: (target, name) => {
      if (name === 'search') return search;
      const value = Reflect.get(target, name, target) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

async function main() {
  const config = readConfig();
  const logger = await createLogger(config);
  const counters: CpuCounters = { processMs: 0, searchMs: 0, searches: 0 };
  const backend = countingSearches(await createBackend(config), counters);
  const server = createApp({ backend, logger }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  logger.info({ event: 'listening', url: `http://127.0.0.1:${port}` }, 'listening');
  process.on('message', () => process.send!({ ...counters, processMs: cpuMs() }));
  process.once('disconnect', () => {
    server.close();
    server.closeAllConnections();
    void backend.close().then(() => process.exit(0));
  });
}

/** A running measured server on `env` (the settings `vraagbaak serve` reads). */
export async function measuredApiProcess(
  env: Record<string, string>,
): Promise<RunningServer & { counters(): Promise<CpuCounters> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    pid: child.pid,
    counters: async () => {
      child.send('counters');
      const [counters] = (await once(child, 'message')) as [CpuCounters];
      return counters;
    },
    async close() {
      if (child.exitCode !== null) return;
      child.disconnect();
      await once(child, 'exit');
    },
  };
}

if (process.argv[1] === import.meta.filename) await main();
