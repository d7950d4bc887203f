// `npm run bench:engine`: the embedded engine alone, in this process, on the dekamer corpus and on
// ×N copies of it: indexing passages per CPU-second, snapshot size, write and load CPU time, and
// query latency of the mixed query set (facets + highlights) with CPU time beside wall time,
// rounds interleaved over the queries after warm-up rounds (the first pass reported apart), medians
// and p95. Also the bounded-work attacks of the robustness issue (many prefixes, fuzzy terms, huge
// slop): how long each takes and what it answers.
// Resident memory per 10k passages comes from fresh child processes (./memory.ts).
import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
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

/** How the index of one size was made: null when an index kept by --index-dir was reused. */
interface Indexing {
  indexWallS: number;
  indexCpuS: number;
  passagesPerCpuS: number;
  snapshotWriteWallS: number;
}

interface SizeResult {
  copies: number;
  passages: number;
  indexing: Indexing | null;
  snapshotMiB: number;
  snapshotLoadCpuS: number;
  query: { wallP50: number; wallP95: number; cpuP50: number; cpuP95: number; count: number };
  /** The first pass over the query set, right after the snapshot was loaded (not in `query`). */
  firstPass: { wallP50: number; cpuP50: number };
  perQueryWallP50: Record<string, number>;
}

/** Indexes ×`copies` of the corpus into `dataDir` (rebuilt), timed. */
async function indexInto(
  backend: EmbeddedBackend,
  documents: DocumentRecord[],
  copies: number,
): Promise<Indexing> {
  // index() seals, then writes the snapshot; the write is timed on its own below.
  const indexing = await measured(() =>
    backend.index(replicated(documents, copies), { mode: 'rebuild' }),
  );
  const write = await measured(() => backend.index(replicated([], 1)));
  return {
    indexWallS: round(indexing.wallMs / 1000, 2),
    indexCpuS: round(indexing.cpuMs / 1000, 2),
    passagesPerCpuS: Math.round(indexing.result.passages / (indexing.cpuMs / 1000)),
    snapshotWriteWallS: round(write.wallMs / 1000, 2),
  };
}

async function measureSize(
  documents: () => Promise<DocumentRecord[]>,
  copies: number,
  rounds: number,
): Promise<SizeResult> {
  const kept = options.indexDir === undefined ? null : path.join(options.indexDir, `x${copies}`);
  const dataDir = kept ?? (await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-bench-engine-')));
  try {
    const reuse = kept !== null && existsSync(snapshotPath(kept));
    const backend = await EmbeddedBackend.open({ dataDir });
    const indexing = reuse ? null : await indexInto(backend, await documents(), copies);
    const { passages } = await backend.stats();
    const snapshotBytes = (await stat(snapshotPath(dataDir))).size;
    const loads: number[] = [];
    for (let run = 0; run < 3; run++)
      loads.push((await measured(() => readSnapshot(dataDir))).cpuMs);

    const queries = mixedQuerySet((await backend.search(toQuery({ size: '0' }))).facets);
    // The steady state of a server is measured: the first pass (cold pages, code not yet
    // optimised) is reported on its own, and more warm-up rounds follow it.
    const firstPass = { wall: [] as number[], cpu: [] as number[] };
    for (const query of queries) {
      const { wallMs, cpuMs: cpuUsed } = await measured(() =>
        backend.search(toQuery(query.params)),
      );
      firstPass.wall.push(wallMs);
      firstPass.cpu.push(cpuUsed);
    }
    for (let round = 1; round < options.warmup; round++)
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
      indexing,
      snapshotMiB: round(snapshotBytes / 1024 ** 2),
      snapshotLoadCpuS: round(median(loads) / 1000, 2),
      query: {
        count: wall.length,
        wallP50: round(median(wall), 2),
        wallP95: round(percentile(wall, 95), 2),
        cpuP50: round(median(cpu), 2),
        cpuP95: round(percentile(cpu, 95), 2),
      },
      firstPass: {
        wallP50: round(median(firstPass.wall), 2),
        cpuP50: round(median(firstPass.cpu), 2),
      },
      perQueryWallP50: Object.fromEntries(
        [...perQuery].map(([name, ms]) => [name, round(median(ms), 2)]),
      ),
    };
  } finally {
    if (kept === null) await rm(dataDir, { recursive: true, force: true });
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
  .option('--rounds <n>', 'measured rounds of the query set per size', positive, 20)
  .option(
    '--warmup <n>',
    'rounds of the query set before measuring (the first reported apart)',
    positive,
    3,
  )
  .option('--copies <list>', 'corpus sizes (copies)', (v) => v.split(',').map(positive), [1, 10])
  .option('--memory-runs <n>', 'fresh processes for the memory figure (0: skip)', Number, 1)
  .option('--no-sizes', 'skip the indexing and query figures (attacks and memory only)')
  .option(
    '--index-dir <dir>',
    "keep each size's index in <dir>/x<copies> and reuse one found there (no indexing figures then)",
  )
  .option('--no-attacks', 'skip the expensive queries of the robustness issue')
  .parse();
const options = program.opts<{
  rounds: number;
  warmup: number;
  copies: number[];
  memoryRuns: number;
  sizes: boolean;
  indexDir?: string;
  attacks: boolean;
}>();

const started = performance.now();
console.error(`load ${os.loadavg()[0]!.toFixed(1)}`);
// The corpus goes through the pipeline only when something is indexed.
let corpus: DocumentRecord[] | null = null;
const documents = async () => {
  if (corpus === null) {
    const loaded = await loadCorpus();
    console.error(`corpus: ${loaded.documents.length} documents, ${loaded.passages} passages`);
    corpus = loaded.documents;
  }
  return corpus;
};
const sizes: SizeResult[] = [];
for (const copies of options.sizes ? options.copies : []) {
  sizes.push(await measureSize(documents, copies, options.rounds));
  console.error(JSON.stringify(sizes.at(-1)));
}
const attacks = options.attacks ? await measureAttacks(await documents()) : null;
console.error(JSON.stringify(attacks));
const memory =
  options.memoryRuns > 0
    ? await measureEmbeddedMemory(await documents(), options.memoryRuns)
    : null;
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
