// Starting, checking and stopping local Elasticsearch clusters (1..N nodes) from the prepared distribution.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CACHE_DIR,
  ES_USER,
  copyConfig,
  giveToEsUser,
  isRoot,
  prepareDistribution,
  type Distribution,
  type Log,
} from './distribution.ts';
import { run } from './process.ts';

export interface ClusterSpec {
  /** Directory holding one sub-directory (config, data, logs, pid file) per node. */
  dir: string;
  name: string;
  nodes: number;
  /** HTTP port of node 0; node i listens on httpPort + i (transport likewise). */
  httpPort: number;
  transportPort: number;
  /** JVM heap per node. */
  heap?: string;
  startTimeoutMs?: number;
}

export interface RunningCluster {
  url: string;
  version: string;
  alreadyRunning: boolean;
}

export interface NodeStatus {
  node: string;
  pid: number | null;
  running: boolean;
}

/** The developer cluster of `npm run es:start [--nodes N]`: ports 9200…/9300…, one dir per size. */
export function devCluster(nodes = 1): ClusterSpec {
  return {
    dir: path.join(CACHE_DIR, 'clusters', `dev-${nodes}`),
    name: `vraagbaak-dev-${nodes}`,
    nodes,
    httpPort: 9200,
    transportPort: 9300,
  };
}

/** Every developer cluster that has been created, whatever its size. */
export async function devClusters(): Promise<ClusterSpec[]> {
  const clustersDir = path.join(CACHE_DIR, 'clusters');
  if (!existsSync(clustersDir)) return [];
  return (await readdir(clustersDir))
    .map((name) => /^dev-(\d+)$/.exec(name)?.[1])
    .filter((size): size is string => size !== undefined)
    .map((size) => devCluster(Number(size)));
}

const nodeName = (index: number) => `node-${index}`;
const nodeDir = (spec: ClusterSpec, index: number) => path.join(spec.dir, nodeName(index));
const pidFile = (spec: ClusterSpec, index: number) =>
  path.join(nodeDir(spec, index), 'elasticsearch.pid');
export const clusterUrl = (spec: ClusterSpec) => `http://127.0.0.1:${spec.httpPort}`;

/** Whether pid is a live Elasticsearch JVM (a stale pid file may point at a recycled pid). */
function isAlive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('org.elasticsearch');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self'))
      return false;
  }
  try {
    // No procfs: fall back to a signal-0 probe (EPERM means alive but someone else's).
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(spec: ClusterSpec, index: number): Promise<number | null> {
  try {
    const pid = Number((await readFile(pidFile(spec, index), 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function clusterStatus(spec: ClusterSpec): Promise<NodeStatus[]> {
  return Promise.all(
    Array.from({ length: spec.nodes }, async (_, index) => {
      const pid = await readPid(spec, index);
      return { node: nodeName(index), pid, running: pid !== null && isAlive(pid) };
    }),
  );
}

interface Health {
  cluster_name: string;
  status: 'green' | 'yellow' | 'red';
  number_of_nodes: number;
}

async function fetchJson<T>(url: string, timeoutMs = 5_000): Promise<T | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/** The version the node answered with (GET / is not available in this distribution). */
export async function answeredVersion(url: string): Promise<string | null> {
  const info = await fetchJson<{ nodes: Record<string, { version: string }> }>(
    `${url}/_nodes/_local?filter_path=nodes.*.version`,
  );
  return Object.values(info?.nodes ?? {})[0]?.version ?? null;
}

async function logTail(spec: ClusterSpec, index: number, lines = 30): Promise<string> {
  try {
    const log = await readFile(path.join(nodeDir(spec, index), 'logs', `${spec.name}.log`), 'utf8');
    return log.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}

function nodeSettings(spec: ClusterSpec, index: number): string[] {
  const dir = nodeDir(spec, index);
  const settings: Record<string, string> = {
    'cluster.name': spec.name,
    'node.name': nodeName(index),
    'path.data': path.join(dir, 'data'),
    'path.logs': path.join(dir, 'logs'),
    'network.host': '127.0.0.1',
    'http.port': String(spec.httpPort + index),
    'transport.port': String(spec.transportPort + index),
    'xpack.security.enabled': 'false',
    // Shared dev machines run low on disk; a read-only index there would only confuse tests.
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
  };
  if (spec.nodes === 1) {
    settings['discovery.type'] = 'single-node';
  } else {
    const indexes = Array.from({ length: spec.nodes }, (_, i) => i);
    settings['discovery.seed_hosts'] = indexes
      .map((i) => `127.0.0.1:${spec.transportPort + i}`)
      .join(',');
    settings['cluster.initial_master_nodes'] = indexes.map(nodeName).join(',');
  }
  return Object.entries(settings).flatMap(([key, value]) => ['-E', `${key}=${value}`]);
}

async function prepareNodeDir(distribution: Distribution, spec: ClusterSpec, index: number) {
  const dir = nodeDir(spec, index);
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  await copyConfig(distribution, path.join(dir, 'config'));
}

async function startNode(distribution: Distribution, spec: ClusterSpec, index: number) {
  const dir = nodeDir(spec, index);
  const heap = spec.heap ?? '512m';
  const env = {
    ES_JAVA_HOME: distribution.jdk.home,
    ES_PATH_CONF: path.join(dir, 'config'),
    ES_JAVA_OPTS: `-Xms${heap} -Xmx${heap}`,
  };
  const elasticsearch = path.join(distribution.home, 'bin', 'elasticsearch');
  const args = ['-d', '-p', pidFile(spec, index), ...nodeSettings(spec, index)];
  const options = { cwd: dir };
  try {
    // -d returns once the node has started (or failed); the JVM keeps running detached.
    if (isRoot()) {
      const envArgs = Object.entries(env).map(([key, value]) => `${key}=${value}`);
      await run(
        'runuser',
        ['-u', ES_USER, '--', 'env', ...envArgs, elasticsearch, ...args],
        options,
      );
    } else {
      await run(elasticsearch, args, { ...options, env: { ...process.env, ...env } });
    }
  } catch (error) {
    throw new Error(
      `${nodeName(index)} of ${spec.name} did not start: ${(error as Error).message}\n` +
        `Last lines of its log:\n${await logTail(spec, index)}`,
      { cause: error },
    );
  }
}

async function waitForGreen(spec: ClusterSpec): Promise<void> {
  const timeoutMs = spec.startTimeoutMs ?? 180_000;
  const deadline = Date.now() + timeoutMs;
  const url = `${clusterUrl(spec)}/_cluster/health?wait_for_status=green&wait_for_nodes=${spec.nodes}&timeout=2s`;
  while (Date.now() < deadline) {
    const health = await fetchJson<Health & { timed_out: boolean }>(url);
    if (health && !health.timed_out && health.status === 'green') return;
    const dead = (await clusterStatus(spec)).find((node) => !node.running);
    if (dead) {
      const index = Number(dead.node.slice('node-'.length));
      throw new Error(`${dead.node} of ${spec.name} exited:\n${await logTail(spec, index)}`);
    }
    await sleep(1_000);
  }
  throw new Error(
    `${spec.name} was not green with ${spec.nodes} node(s) after ${timeoutMs / 1000} s`,
  );
}

/**
 * Starts the cluster and waits until it is green with all nodes. Already running → returns at once.
 * A port answered by anything else (another cluster) is an error rather than a silent reuse.
 */
export async function startCluster(
  spec: ClusterSpec,
  log: Log = () => {},
): Promise<RunningCluster> {
  const url = clusterUrl(spec);
  const status = await clusterStatus(spec);
  if (status.every((node) => node.running)) {
    await waitForGreen(spec);
    return { url, version: (await answeredVersion(url)) ?? 'unknown', alreadyRunning: true };
  }
  if (status.some((node) => node.running)) await stopCluster(spec);
  for (let index = 0; index < spec.nodes; index++) {
    const other = await fetchJson<Health>(
      `http://127.0.0.1:${spec.httpPort + index}/_cluster/health`,
      2_000,
    );
    if (other) {
      throw new Error(
        `port ${spec.httpPort + index} is already served by cluster "${other.cluster_name}"; stop it first (npm run es:stop)`,
      );
    }
  }

  const distribution = await prepareDistribution(log);
  const indexes = Array.from({ length: spec.nodes }, (_, index) => index);
  for (const index of indexes) await prepareNodeDir(distribution, spec, index);
  await giveToEsUser(spec.dir);
  log(`Starting ${spec.nodes} node(s) of ${spec.name} on ${url}…`);
  // All at once: a node of a multi-node cluster waits for its peers before reporting started.
  await Promise.all(indexes.map((index) => startNode(distribution, spec, index)));
  await waitForGreen(spec);
  return { url, version: (await answeredVersion(url)) ?? 'unknown', alreadyRunning: false };
}

async function stopNode(pid: number, timeoutMs: number): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      return;
    }
    await sleep(250);
  }
}

/** Stops every running node of the cluster (SIGTERM, SIGKILL after 60 s); returns how many ran. */
export async function stopCluster(spec: ClusterSpec, timeoutMs = 60_000): Promise<number> {
  const running = (await clusterStatus(spec)).filter((node) => node.running);
  await Promise.all(
    running.map((node) => (node.pid === null ? undefined : stopNode(node.pid, timeoutMs))),
  );
  await Promise.all(
    Array.from({ length: spec.nodes }, (_, index) => rm(pidFile(spec, index), { force: true })),
  );
  return running.length;
}
