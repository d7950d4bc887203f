// For Elasticsearch integration tests: `describeElasticsearch(name, fn)` runs fn's tests against a
// real node (ELASTICSEARCH_URL, or one started on free ports for this test run on first use and
// stopped by the global setup's teardown), or reports them as skipped with the reason.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, inject } from 'vitest';
import { startCluster, type ClusterSpec } from '../../tooling/elasticsearch/cluster.ts';
import { runFiles } from './elasticsearch-run.ts';

const START_TIMEOUT_MS = 600_000;
let url: string | null = null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function startRunNode(runDir: string): Promise<string> {
  const files = runFiles(runDir);
  const spec: ClusterSpec = {
    dir: path.join(runDir, 'cluster'),
    name: 'vraagbaak-test',
    nodes: 1,
    httpPort: await freePort(),
    transportPort: await freePort(),
  };
  // Recorded before starting, so the teardown can stop a node whose start timed out.
  await writeFile(files.spec, JSON.stringify(spec));
  try {
    const cluster = await startCluster(spec);
    await writeFile(files.url, cluster.url);
    return cluster.url;
  } catch (error) {
    await writeFile(files.error, (error as Error).message);
    throw error;
  }
}

async function waitForRunNode(runDir: string): Promise<string> {
  const files = runFiles(runDir);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(files.url)) return readFile(files.url, 'utf8');
    if (existsSync(files.error)) {
      throw new Error(
        `Elasticsearch test node failed to start: ${await readFile(files.error, 'utf8')}`,
      );
    }
    await sleep(500);
  }
  throw new Error(`Elasticsearch test node not ready after ${START_TIMEOUT_MS / 1000} s`);
}

/** The first worker to get here starts the run's node; the others wait for its URL. */
async function ensureRunNode(runDir: string): Promise<string> {
  await mkdir(runDir, { recursive: true });
  try {
    await mkdir(runFiles(runDir).startLock);
  } catch {
    return waitForRunNode(runDir);
  }
  return startRunNode(runDir);
}

async function resolveUrl(): Promise<string> {
  const external = inject('elasticsearchUrl');
  if (external) return external;
  const runDir = inject('elasticsearchRunDir');
  if (!runDir)
    throw new Error('tests/support/global-setup.ts is not registered in vitest.config.ts');
  return ensureRunNode(runDir);
}

/** A describe block whose tests need Elasticsearch; skipped (with the reason) when it cannot run. */
export function describeElasticsearch(name: string, fn: () => void): void {
  const skipReason = inject('elasticsearchSkipReason');
  if (skipReason) {
    describe.skip(`${name} [skipped: ${skipReason}]`, fn);
    return;
  }
  describe(name, () => {
    beforeAll(async () => {
      url = await resolveUrl();
    }, START_TIMEOUT_MS);
    fn();
  });
}

/** The base URL of the Elasticsearch the current describeElasticsearch block runs against. */
export function elasticsearchUrl(): string {
  if (!url) throw new Error('elasticsearchUrl() is only available inside describeElasticsearch');
  return url;
}
