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
import { CommandTimeoutError, run } from './process.ts';
import { machineLoad, startBudget, type StartBudget } from './start-budget.ts';

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
  /** How long starting may take; by default a budget derived from the machine (start-budget.ts). */
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
    // A line of JVM arguments runs to kilobytes: its start says enough.
    const tail = log.split('\n').slice(-lines);
    return tail.map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line)).join('\n');
  } catch {
    return '(no log written)';
  }
}

/**
 * How the node finds its cluster. A fresh multi-node cluster is bootstrapped by node 0 alone
 * (`cluster.initial_master_nodes` of one node), so nodes can start one after another; the others
 * find it through the seed hosts and join. A cluster that has formed before needs none of it.
 */
function discoverySettings(
  spec: ClusterSpec,
  index: number,
  fresh: boolean,
): Record<string, string> {
  if (spec.nodes === 1) return { 'discovery.type': 'single-node' };
  const seedHosts = Array.from(
    { length: spec.nodes },
    (_, i) => `127.0.0.1:${spec.transportPort + i}`,
  ).join(',');
  return {
    'discovery.seed_hosts': seedHosts,
    ...(fresh && index === 0 ? { 'cluster.initial_master_nodes': nodeName(0) } : {}),
  };
}

function nodeSettings(spec: ClusterSpec, index: number, fresh: boolean): string[] {
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
    ...discoverySettings(spec, index, fresh),
  };
  return Object.entries(settings).flatMap(([key, value]) => ['-E', `${key}=${value}`]);
}

async function prepareNodeDir(distribution: Distribution, spec: ClusterSpec, index: number) {
  const dir = nodeDir(spec, index);
  await mkdir(path.join(dir, 'data'), { recursive: true });
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  await copyConfig(distribution, path.join(dir, 'config'));
}

/** No node has data yet: the cluster has never formed. */
async function isFresh(spec: ClusterSpec): Promise<boolean> {
  for (let index = 0; index < spec.nodes; index++) {
    const entries = await readdir(path.join(nodeDir(spec, index), 'data')).catch(() => []);
    if (entries.length > 0) return false;
  }
  return true;
}

/** One start in progress: its deadline, and what has happened so far for a failure message. */
class StartProgress {
  readonly started = Date.now();
  readonly steps: string[] = [];
  readonly deadline: number;
  /** Nodes 0 … startedNodes - 1 have been started (and must still run). */
  startedNodes = 0;

  constructor(
    readonly spec: ClusterSpec,
    readonly budget: StartBudget,
    private readonly log: Log,
  ) {
    this.deadline = this.started + budget.ms;
  }

  remainingMs(): number {
    return Math.max(1_000, this.deadline - Date.now());
  }

  elapsed(since = this.started): string {
    return `${Math.round((Date.now() - since) / 1000)} s`;
  }

  done(step: string, since: number): void {
    this.steps.push(`${step} in ${this.elapsed(since)}`);
    this.log(`${this.spec.name}: ${this.steps.at(-1)}`);
  }

  /** The error for a step that failed or ran out of time: what was slow and what came before. */
  async failure(step: string, index: number, reason: string, cause?: unknown): Promise<Error> {
    const before = this.steps.length > 0 ? this.steps.join('; ') : 'nothing had finished';
    return new Error(
      `${this.spec.name}: ${step} ${reason} (${this.elapsed()} after the start began; ` +
        `before that: ${before}). Budget ${Math.round(this.budget.ms / 1000)} s = ${this.budget.basis}; ` +
        `now ${machineLoad()}.\nLast lines of ${nodeName(index)}'s log:\n${await logTail(this.spec, index)}`,
      { cause },
    );
  }
}

async function startNode(
  distribution: Distribution,
  index: number,
  fresh: boolean,
  progress: StartProgress,
) {
  const { spec } = progress;
  const dir = nodeDir(spec, index);
  const heap = spec.heap ?? '512m';
  const env = {
    ES_JAVA_HOME: distribution.jdk.home,
    ES_PATH_CONF: path.join(dir, 'config'),
    ES_JAVA_OPTS: `-Xms${heap} -Xmx${heap}`,
  };
  const elasticsearch = path.join(distribution.home, 'bin', 'elasticsearch');
  const args = ['-d', '-p', pidFile(spec, index), ...nodeSettings(spec, index, fresh)];
  // The launcher is stopped at the deadline; a JVM it left behind has its pid file, so the
  // caller's stopCluster (or the next startCluster) stops it.
  const options = { cwd: dir, timeoutMs: progress.remainingMs() };
  const started = Date.now();
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
    const reason =
      error instanceof CommandTimeoutError
        ? `was not done after ${progress.elapsed(started)}`
        : `failed: ${(error as Error).message.slice(0, 1_000)}`;
    throw await progress.failure(`starting ${nodeName(index)}`, index, reason, error);
  }
  progress.done(`${nodeName(index)} started`, started);
  progress.startedNodes = Math.max(progress.startedNodes, index + 1);
}

/**
 * Polls until `ready` holds or the start's deadline passes; a node that exited meanwhile fails at
 * once with its log, a step out of time with the log of `slowNode` (the node it waits for).
 */
async function waitUntil(
  progress: StartProgress,
  step: string,
  ready: () => Promise<boolean>,
  slowNode = 0,
): Promise<void> {
  const { spec } = progress;
  const started = Date.now();
  for (;;) {
    if (await ready()) {
      progress.done(step, started);
      return;
    }
    const nodes = (await clusterStatus(spec)).slice(0, progress.startedNodes);
    const dead = nodes.findIndex((node) => !node.running);
    if (dead >= 0) throw await progress.failure(step, dead, `failed: ${nodeName(dead)} exited`);
    if (Date.now() > progress.deadline) {
      throw await progress.failure(
        step,
        slowNode,
        `had not happened after ${progress.elapsed(started)}`,
      );
    }
    await sleep(1_000);
  }
}

/** Health with at least `nodes` nodes in the cluster (and green, when asked). */
function healthReached(spec: ClusterSpec, nodes: number, green: boolean) {
  const status = green ? '&wait_for_status=green' : '';
  const url = `${clusterUrl(spec)}/_cluster/health?wait_for_nodes=>=${nodes}${status}&timeout=2s`;
  return async () => {
    const health = await fetchJson<Health & { timed_out: boolean }>(url);
    return health !== null && !health.timed_out && (!green || health.status === 'green');
  };
}

/**
 * Every node votes for the master (an odd count of them: Elasticsearch keeps it odd). A cluster
 * bootstrapped by one node widens its voting configuration as the others join; until it has, losing
 * node 0 would leave the cluster without a master, which the fault tests must not mistake for a bug.
 */
function allVote(spec: ClusterSpec) {
  const voters = spec.nodes % 2 === 1 ? spec.nodes : spec.nodes - 1;
  const url = `${clusterUrl(spec)}/_cluster/state/metadata?filter_path=metadata.cluster_coordination.last_committed_config`;
  return async () => {
    const state = await fetchJson<{
      metadata?: { cluster_coordination?: { last_committed_config?: string[] } };
    }>(url);
    return (state?.metadata?.cluster_coordination?.last_committed_config?.length ?? 0) >= voters;
  };
}

/**
 * Starts the cluster and waits until it is green with all nodes, within a budget that grows with
 * the machine's load (spec.startTimeoutMs overrides it). A fresh cluster starts one node at a time
 * (node 0 bootstraps it, the others join), so nodes do not compete for the cores while each waits
 * for its peers; a cluster that formed before needs a majority to elect a master and starts all at
 * once. Already running → only waits for green. A port answered by anything else (another cluster)
 * is an error rather than a silent reuse.
 */
export async function startCluster(
  spec: ClusterSpec,
  log: Log = () => {},
): Promise<RunningCluster> {
  const url = clusterUrl(spec);
  const budget: StartBudget = spec.startTimeoutMs
    ? { ms: spec.startTimeoutMs, basis: "the spec's startTimeoutMs" }
    : startBudget(spec.nodes);
  const progress = new StartProgress(spec, budget, log);
  const status = await clusterStatus(spec);
  if (status.every((node) => node.running)) {
    progress.startedNodes = spec.nodes;
    await waitUntil(
      progress,
      `green with ${spec.nodes} node(s)`,
      healthReached(spec, spec.nodes, true),
    );
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
  const fresh = await isFresh(spec);
  log(
    `Starting ${spec.nodes} node(s) of ${spec.name} on ${url} ${fresh ? 'one after another' : 'together'} (budget ${Math.round(budget.ms / 1000)} s: ${budget.basis})…`,
  );
  if (fresh) {
    for (const index of indexes) {
      await startNode(distribution, index, fresh, progress);
      await waitUntil(
        progress,
        `${index + 1} node(s) in the cluster`,
        healthReached(spec, index + 1, false),
        index,
      );
    }
  } else {
    await Promise.all(indexes.map((index) => startNode(distribution, index, fresh, progress)));
  }
  await waitUntil(
    progress,
    `green with ${spec.nodes} node(s)`,
    healthReached(spec, spec.nodes, true),
  );
  if (spec.nodes > 1) await waitUntil(progress, 'every node voting', allVote(spec));
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
