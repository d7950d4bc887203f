// Exports under load: does a big export keep the server responsive, and does memory stay flat when
// several run at once? Against `vraagbaak serve` in its own process (embedded backend) over an
// index of the dekamer corpus in --data-dir (indexed first when empty: `vraagbaak index --pipeline
// dekamer`). Reports rows, seconds, /api/health latency while one export runs (beside idle), and
// the server's peak resident memory during three concurrent XLSX exports of everything.
//   npx tsx bench/export.ts [--data-dir /tmp/vraagbaak-bench-export]
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { snapshotPath } from '../src/search/embedded/snapshot.ts';
import { serveApiProcess } from './server-process.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string', default: '/tmp/vraagbaak-bench-export' } },
});
const dataDir = values['data-dir'];
const repoRoot = new URL('..', import.meta.url).pathname;

if (!existsSync(snapshotPath(dataDir))) {
  execFileSync(process.execPath, ['bin/vraagbaak.js', 'index', '--pipeline', 'dekamer'], {
    cwd: repoRoot,
    env: { ...process.env, VRAAGBAAK_DATA_DIR: dataDir },
    stdio: 'inherit',
  });
}

const server = await serveApiProcess({ VRAAGBAAK_DATA_DIR: dataDir });
const rssMiB = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** /api/health round trips, one after another, until `done` resolves. */
async function healthLatencies(done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => (finished = true));
  const latencies: number[] = [];
  while (!finished) {
    const started = performance.now();
    await (await fetch(`${server.url}/api/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

async function exportAll(format: 'csv' | 'xlsx'): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  const response = await fetch(`${server.url}/api/export?format=${format}`);
  if (!response.ok) throw new Error(`export answered ${response.status}`);
  let bytes = 0;
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    bytes += read.value.length;
  return { bytes, seconds: (performance.now() - started) / 1000 };
}

const describe = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
  return `median ${median(latencies).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (${latencies.length} requests)`;
};

try {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { passages: number };
  console.log(
    `index: ${health.passages} passages; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  const idle = await healthLatencies(new Promise((resolve) => setTimeout(resolve, 3000)));
  console.log(`health, idle: ${describe(idle)}`);
  for (const format of ['csv', 'xlsx'] as const) {
    const running = exportAll(format);
    const during = await healthLatencies(running);
    const { bytes, seconds } = await running;
    console.log(
      `${format} export of everything: ${(bytes / 2 ** 20).toFixed(1)} MiB in ${seconds.toFixed(1)} s; health meanwhile: ${describe(during)}`,
    );
  }
  const before = rssMiB();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB())), 100);
  const started = performance.now();
  await Promise.all([exportAll('xlsx'), exportAll('xlsx'), exportAll('xlsx')]);
  clearInterval(sampler);
  console.log(
    `3 concurrent xlsx exports: ${((performance.now() - started) / 1000).toFixed(1)} s; server RSS ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB`,
  );
} finally {
  await server.close();
}
