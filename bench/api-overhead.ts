// `npx tsx bench/api-overhead.ts`: what the HTTP API itself costs per search (routing, zod
// validation, logging, JSON), beside what the embedded engine costs. The mixed query set is run
// (1) on the engine in this process, CPU time per search, and (2) one request at a time against
// `vraagbaak serve` in a process of its own on the same index, its CPU time per request read from
// /proc. The API's own cost is the difference of the two means (CPU time is the figure that holds
// on a busy machine). --data-dir reuses an embedded index already built there.
import { Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';
import { loadCorpus, replicated } from './corpus.ts';
import { mixedQuerySet, toQuery, toUrl } from './query-set.ts';
import { processCpuMs, serveApiProcess } from './server-process.ts';
import { median, round } from './stats.ts';

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const options = new Command()
  .option('--rounds <n>', 'rounds of the query set', Number, 30)
  .option('--data-dir <dir>', 'an embedded index already built (else the corpus is indexed)')
  .parse()
  .opts<{ rounds: number; dataDir?: string }>();

const dataDir =
  options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-api-overhead-')));
try {
  const backend = await EmbeddedBackend.open({ dataDir });
  if (options.dataDir === undefined) {
    const corpus = await loadCorpus();
    await backend.index(replicated(corpus.documents, 1), { mode: 'rebuild' });
  }
  const queries = mixedQuerySet((await backend.search(toQuery({ size: '0' }))).facets);
  for (const query of queries) await backend.search(toQuery(query.params));
  const engine: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const query of queries) {
      // The API parses the query string too; here it is parsed outside the measured call.
      const parsed = toQuery(query.params);
      const before = ownCpuMs();
      await backend.search(parsed);
      engine.push(ownCpuMs() - before);
    }
  }
  await backend.close();

  const server = await serveApiProcess({
    VRAAGBAAK_BACKEND: 'embedded',
    VRAAGBAAK_DATA_DIR: dataDir,
  });
  let requests = 0;
  let serverCpuMs = 0;
  try {
    const ask = async (params: Record<string, string | string[]>) => {
      const response = await fetch(toUrl(server.url, params));
      if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
      await response.arrayBuffer();
    };
    for (const query of queries) await ask(query.params);
    const before = processCpuMs(server.pid!);
    for (let round = 0; round < options.rounds; round++) {
      for (const query of queries) {
        await ask(query.params);
        requests++;
      }
    }
    serverCpuMs = processCpuMs(server.pid!) - before;
  } finally {
    await server.close();
  }
  const engineMean = engine.reduce((sum, ms) => sum + ms, 0) / engine.length;
  const serverMean = serverCpuMs / requests;
  console.log(
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        loadAverage: os.loadavg().map((l) => round(l, 1)),
        searches: engine.length,
        engineCpuMsPerSearch: { mean: round(engineMean, 2), p50: round(median(engine), 2) },
        serverCpuMsPerRequest: round(serverMean, 2),
        apiOwnCpuMsPerRequest: round(serverMean - engineMean, 2),
      },
      null,
      2,
    ),
  );
} finally {
  if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
}
