// `npm run bench:engine`: the embedded engine alone, in this process, on the dekamer corpus and on
// ×N copies of it: indexing passages per CPU-second, snapshot size, write and load CPU time, and
// query latency of the mixed query set (facets + highlights) with CPU time beside wall time,
// rounds interleaved over the queries, medians and p95. Also the bounded-work attacks of the
// robustness issue (many prefixes, fuzzy terms, huge slop): how long each takes and what it answers.
// Resident memory per 10k passages comes from fresh child processes (./memory.ts).
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DocumentRecord } from '../src/model/document.ts';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';
import { readSnapshot, snapshotPath } from '../src/search/embedded/snapshot.ts';
import { SearchQuery } from '../src/search/query.ts';
import { loadCorpus, replicated } from './corpus.ts';
import { measureEmbeddedMemory } from './memory.ts';
import { mixedQuerySet, toQuery } from './query-set.ts';
import { median, round } from './stats.ts';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function measured<T>(
  task: () => Promise<T>,
): Promise<{ wallMs: number; cpuMs: number; result: T }> {
  const wall = performance.now();
  const cpu = cpuMs();
  const result = await task();
  return { wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu, result };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

interface SizeResult {
  copies: number;
  passages: number;
  indexWallS: number;
  indexCpuS: number;
  passagesPerCpuS: number;
  snapshotMiB: number;
  snapshotWriteWallS: number;
  snapshotLoadCpuS: number;
  query: { wallP50: number; wallP95: number; cpuP50: number; cpuP95: number; count: number };
  perQueryWallP50: Record<string, number>;
}

async function measureSize(
  documents: DocumentRecord[],
  copies: number,
  rounds: number,
): Promise<SizeResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-bench-engine-'));
  try {
    const backend = await EmbeddedBackend.open({ dataDir });
    // index() seals, then writes the snapshot; the write is timed on its own below.
    const indexing = await measured(() =>
      backend.index(replicated(documents, copies), { mode: 'rebuild' }),
    );
    const passages = indexing.result.passages;
    const file = snapshotPath(dataDir);
    const snapshotBytes = (await stat(file)).size;
    const loads: number[] = [];
    for (let run = 0; run < 3; run++)
      loads.push((await measured(() => readSnapshot(dataDir))).cpuMs);
    const write = await measured(() => backend.index(replicated([], 1)));

    const queries = mixedQuerySet((await backend.search(toQuery({ size: '0' }))).facets);
    for (const query of queries) await backend.search(toQuery(query.params));
    const wall: number[] = [];
    const cpu: number[] = [];
    const perQuery = new Map<string, number[]>(queries.map((q) => [q.name, []]));
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const parsed: SearchQuery = toQuery(query.params);
        const { wallMs, cpuMs: cpuUsed } = await measured(() => backend.search(parsed));
        wall.push(wallMs);
        cpu.push(cpuUsed);
        perQuery.get(query.name)!.push(wallMs);
      }
    }
    await backend.close();
    return {
      copies,
      passages,
      indexWallS: round(indexing.wallMs / 1000, 2),
      indexCpuS: round(indexing.cpuMs / 1000, 2),
      passagesPerCpuS: Math.round(passages / (indexing.cpuMs / 1000)),
      snapshotMiB: round(snapshotBytes / 1024 ** 2),
      snapshotWriteWallS: round(write.wallMs / 1000, 2),
      snapshotLoadCpuS: round(median(loads) / 1000, 2),
      query: {
        count: wall.length,
        wallP50: round(median(wall), 2),
        wallP95: round(percentile(wall, 95), 2),
        cpuP50: round(median(cpu), 2),
        cpuP95: round(percentile(cpu, 95), 2),
      },
      perQueryWallP50: Object.fromEntries(
        [...perQuery].map(([name, ms]) => [name, round(median(ms), 2)]),
      ),
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The robustness issue's expensive queries: time to answer and the answer (hits or error). */
async function measureAttacks(documents: DocumentRecord[]) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-bench-attacks-'));
  const attacks: Record<string, string> = {
    '10 OR-ed prefixes a* (the most allowed)': Array(10).fill('a*').join('|'),
    '10 OR-ed fuzzy terms (the most allowed)': Array.from(
      { length: 10 },
      (_, i) => `kost${i}~2`,
    ).join('|'),
    '64 OR-ed prefixes a*': Array(64).fill('a*').join('|'),
    '166 OR-ed prefixes a* (over the clause bound)': Array(166).fill('a*').join('|'),
    '64 distinct prefixes': Array.from(
      { length: 64 },
      (_, i) => `${String.fromCharCode(97 + (i % 26))}${i % 7}*`,
    ).join(' | '),
    '55 OR-ed fuzzy terms': Array.from({ length: 55 }, (_, i) => `kost${i % 10}~2`).join('|'),
    '125 e~2 terms': Array(125).fill('e~2').join(' '),
    'sloppy stopword phrases, slop 1000000': Array(10).fill('"de het een"~1000000').join(' '),
    '20 sloppy stopword phrases, slop 50': Array(20).fill('"de van het een"~50').join('|'),
  };
  try {
    const backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(replicated(documents, 1), { mode: 'rebuild' });
    const results: Record<string, { wallMs: number; answer: string }> = {};
    for (const [name, q] of Object.entries(attacks)) {
      const { wallMs, result } = await measured(() =>
        // A query over the bounds is refused while parsing: that refusal is its answer.
        Promise.resolve({ q })
          .then((input) => backend.search(SearchQuery.parse(input)))
          .then(
            (r) => `${r.total} hits`,
            (error: Error) => `${error.name}: ${error.message}`,
          ),
      );
      results[name] = { wallMs: round(wallMs, 1), answer: result };
    }
    await backend.close();
    return results;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('a positive integer');
  return number;
};

const program = new Command()
  .option('--rounds <n>', 'rounds of the query set per size', positive, 20)
  .option('--copies <list>', 'corpus sizes (copies)', (v) => v.split(',').map(positive), [1, 10])
  .option('--memory-runs <n>', 'fresh processes for the memory figure (0: skip)', Number, 1)
  .option('--no-sizes', 'skip the indexing and query figures (attacks and memory only)')
  .parse();
const options = program.opts<{
  rounds: number;
  copies: number[];
  memoryRuns: number;
  sizes: boolean;
}>();

const started = performance.now();
const corpus = await loadCorpus();
console.error(
  `corpus: ${corpus.documents.length} documents, ${corpus.passages} passages; load ${os.loadavg()[0]!.toFixed(1)}`,
);
const sizes: SizeResult[] = [];
for (const copies of options.sizes ? options.copies : []) {
  sizes.push(
    await measureSize(
      corpus.documents,
      copies,
      copies === 1 ? options.rounds : Math.max(3, Math.floor(options.rounds / 4)),
    ),
  );
  console.error(JSON.stringify(sizes.at(-1)));
}
const attacks = await measureAttacks(corpus.documents);
console.error(JSON.stringify(attacks));
const memory =
  options.memoryRuns > 0 ? await measureEmbeddedMemory(corpus.documents, options.memoryRuns) : null;
console.log(
  JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 1)),
      seconds: Math.round((performance.now() - started) / 1000),
      sizes,
      attacks,
      memory: memory?.memory ?? null,
      memoryChildIndexing: memory?.indexing ?? null,
      memoryChildPassagesPerCpuSecond: memory?.passagesPerCpuSecond ?? null,
    },
    null,
    2,
  ),
);
