// `vraagbaak serve` as `npm start` runs it: a real process on a free port with a fresh data dir.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ANALYZE_LENGTH } from '../../src/api/routes/analyze.ts';
import type { SearchResult } from '../../src/search/query.ts';
import { killServeProcesses, startServeProcess, type Server } from '../support/serve-process.ts';
import { parseSeeds, seedsDir } from './seeded-app.ts';

let dataDir: string;
const startServer = (env: Record<string, string> = {}) =>
  startServeProcess({ VRAAGBAAK_DATA_DIR: dataDir, ...env });

async function searchFor(server: Server, q: string): Promise<SearchResult> {
  const response = await fetch(`${server.url}/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResult;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-serve-'));
});
afterAll(async () => {
  killServeProcesses();
  await rm(dataDir, { recursive: true, force: true });
});

describe('vraagbaak serve', () => {
  it('indexes the seeds into an empty store, serves them, and does not re-index on restart', async () => {
    const [seed000] = await parseSeeds([path.join(seedsDir, '000_f71e14aadc76dc25.txt')]);

    const first = await startServer();
    const indexed = first.logs.find((l) => l.event === 'seeds-indexed');
    expect(indexed).toMatchObject({ documents: 5, failures: [] });
    const listening = first.logs.find((l) => l.event === 'listening');
    expect(listening?.msg).toBe(
      `vraagbaak: ${indexed?.passages as number} passages (embedded) on ${first.url}`,
    );
    const cold = await searchFor(first, 'begeleidingstraject');
    expect(cold.hits[0]?.documentId).toBe(seed000?.id);
    expect(await first.stop()).toBe(0);
    expect(first.logs.some((l) => l.msg === 'shutting down')).toBe(true);

    const second = await startServer();
    expect(second.logs.some((l) => l.event === 'seeds-indexed')).toBe(false);
    expect(second.logs.find((l) => l.event === 'index-ready')).toMatchObject({ documents: 5 });
    const warm = await searchFor(second, 'begeleidingstraject');
    expect(warm.hits.map((h) => h.id)).toEqual(cold.hits.map((h) => h.id));
    const health = (await (await fetch(`${second.url}/api/health`)).json()) as {
      documents: number;
    };
    expect(health.documents).toBe(5);
    expect(await second.stop()).toBe(0);
    console.info(
      `serve ready: cold start ${Math.round(first.readyMs)} ms, warm start ${Math.round(second.readyMs)} ms`,
    );
  });

  it('answers health within 100 ms while it analyses a maximal text', async () => {
    const server = await startServer();
    const text = '预算'.repeat(MAX_ANALYZE_LENGTH / 2); // the slowest script to analyse
    let analysing = true;
    const analysis = fetch(`${server.url}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    }).finally(() => (analysing = false));
    const healthMs: number[] = [];
    while (analysing) {
      const started = performance.now();
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      if (analysing) healthMs.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const response = await analysis;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { tokens: unknown[] }).tokens).toHaveLength(text.length);
    console.info(`health during analysis: ${healthMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    // Several answers while the analysis ran, so the test cannot pass by missing it.
    expect(healthMs.length).toBeGreaterThanOrEqual(5);
    // Nine in ten within 100 ms and none held up for long: on a loaded shared machine a single
    // answer may wait on the scheduler; on the server's own thread each waited the whole 2–5 s.
    const sorted = healthMs.toSorted((a, b) => a - b);
    expect(sorted[Math.floor(0.9 * (sorted.length - 1))]).toBeLessThan(100);
    expect(sorted.at(-1)).toBeLessThan(500);
    expect(await server.stop()).toBe(0);
  });

  it('still serves when Elasticsearch is unreachable at start, with health 503 and the reason', async () => {
    const server = await startServer({
      VRAAGBAAK_BACKEND: 'elasticsearch',
      ELASTICSEARCH_URL: 'http://127.0.0.1:1',
    });
    expect(server.logs.find((l) => l.msg.startsWith('search backend unreachable'))).toBeDefined();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', backend: 'elasticsearch' });
    expect(await server.stop()).toBe(0);
  });
});
