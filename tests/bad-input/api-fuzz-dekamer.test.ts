// Expensive queries, generated (fast-check, fixed seed), against the real server process on part
// of the dekamer corpus: OR'd prefixes, fuzzy terms, sloppy phrases of stopwords, long and odd
// inputs, odd parameters. Every answer is a 200 or a clear 4xx/503 with a code, never a 500; each
// takes at most the query budget and a margin, the server's memory stays bounded, and health
// keeps answering. (tests/bad-input/api-fuzz.test.ts does the hand-written cases on the seeds.)
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { parseDocuments } from '../../src/pipeline/pipeline.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { QUERY_TIME_BUDGET_MS } from '../../src/search/rules.ts';
import { DEKAMER, stream } from '../support/corpus.ts';
import { killServeProcesses, startServeProcess, type Server } from '../support/serve-process.ts';

/**
 * The first documents of the dekamer corpus: its vocabulary (what prefixes and fuzzy terms
 * expand over) without the two minutes the whole corpus takes to index, so the suite fits CI.
 */
const DOCUMENTS = 1_000;
const RUNS = 150;
const SEED = 13;
/** The search budget, plus the time to refuse, answer and cross a loaded machine. */
const MAX_REQUEST_MS = QUERY_TIME_BUDGET_MS + 1_500;
/** Resident memory the server may grow by over the whole run. */
const MAX_GROWTH_BYTES = 300 * 1024 * 1024;

const stopwords = ['de', 'van', 'het', 'een', 'en', 'in', 'is', 'op', 'te', 'dat', 'die', 'voor'];
const words = [...stopwords, 'minister', 'subsidie', 'vraag', 'euro', 'gemeente', 'belasting'];
const word = fc.constantFrom(...words);
const letters = fc.stringMatching(/^[a-z]{1,3}$/);

const expanding = fc.oneof(
  letters.map((prefix) => `${prefix}*`),
  fc.tuple(word, fc.integer({ min: 0, max: 3 })).map(([w, distance]) => `${w}~${distance}`),
  fc.tuple(letters, letters).map(([a, b]) => `(${a}* | ${b}~2)`),
);
const plain = fc.oneof(
  word,
  fc
    .tuple(
      fc.array(fc.constantFrom(...stopwords), { minLength: 2, maxLength: 6 }),
      fc.integer({ min: 0, max: 60 }),
    )
    .map(([phrase, slop]) => `"${phrase.join(' ')}"~${slop}`),
  word.map((w) => `-${w}`),
);
// Mostly just within the bounds of src/search/rules.ts (the costliest queries that run), sometimes
// past them (refused with a 400).
const expensiveQuery = fc
  .tuple(
    fc.array(expanding, { minLength: 1, maxLength: 11 }),
    fc.array(plain, { maxLength: 56 }),
    fc.constantFrom(' ', '|', ' | ', ' +'),
  )
  .map(([costly, cheap, joiner]) => [...costly, ...cheap].join(joiner).slice(0, 520));
const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 700 }),
  fc.string({ unit: 'binary', maxLength: 700 }),
  fc.string({ unit: fc.constantFrom('*', '~', '"', '|', '(', ')', '-', 'a', ' '), maxLength: 600 }),
);
const oddNumber = fc.oneof(
  fc.integer({ min: -5, max: 20_000 }).map(String),
  fc.constantFrom('0x10', '1e3', ' 2', 'NaN', '', '99999999999999999999'),
);
const validParams = fc.record(
  {
    q: expensiveQuery,
    size: fc.constant('100'),
    sort: fc.constantFrom('relevance', 'date'),
    groupBy: fc.constant('document'),
  },
  { requiredKeys: ['q', 'size'] },
);
const oddParams = fc.record(
  {
    q: fc.oneof(expensiveQuery, oddText),
    page: oddNumber,
    size: oddNumber,
    sort: fc.constantFrom('relevance', 'date', 'random'),
    groupBy: fc.constantFrom('document', 'passage'),
    after: fc.string({ maxLength: 40 }),
    year: fc.constantFrom('2017', '2018', 'x'),
  },
  { requiredKeys: ['q'] },
);
const params = fc.oneof({ weight: 3, arbitrary: validParams }, { weight: 1, arbitrary: oddParams });
const endpoint = fc.constantFrom(
  '/api/search',
  '/api/search',
  '/api/facets/theme',
  '/api/suggest',
  '/api/export',
);

let dataDir: string;
let server: Server;

async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/u.exec(status)![1]) * 1024;
}

beforeAll(async () => {
  const started = performance.now();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-fuzz-dekamer-'));
  const documents: DocumentRecord[] = [];
  for await (const result of parseDocuments([DEKAMER])) {
    if (!result.ok) throw new Error(`${result.file}: ${result.reason}`);
    documents.push(result.document);
    if (documents.length === DOCUMENTS) break;
  }
  const backend = await EmbeddedBackend.open({ dataDir });
  await backend.index(stream(documents));
  await backend.close();
  console.info(
    `fuzz: indexed ${DOCUMENTS} dekamer documents in ${(performance.now() - started) / 1000} s`,
  );
  server = await startServeProcess({ VRAAGBAAK_DATA_DIR: dataDir });
});

afterAll(async () => {
  await server?.stop();
  killServeProcesses();
  await rm(dataDir, { recursive: true, force: true });
});

describe('API fuzz on the dekamer corpus', () => {
  it(`${RUNS} generated expensive requests: no 500, each within ${MAX_REQUEST_MS} ms, memory bounded, health answering`, async () => {
    const before = await residentBytes(server.pid);
    let slowestHealthMs = 0;
    let fuzzing = true;
    // Health asked all along: it may wait for a search on the server's thread, but no longer than
    // a search may take.
    const healthWatch = (async () => {
      while (fuzzing) {
        const started = performance.now();
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status).toBe(200);
        slowestHealthMs = Math.max(slowestHealthMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const statuses = new Map<number, number>();
    let slowestMs = 0;
    try {
      await fc.assert(
        fc.asyncProperty(endpoint, params, async (path, query) => {
          const url = `${server.url}${path}?${new URLSearchParams(query)}`;
          const started = performance.now();
          const response = await fetch(url);
          const body = await response.arrayBuffer();
          const ms = performance.now() - started;
          slowestMs = Math.max(slowestMs, ms);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect([200, 400, 404, 414, 431, 503]).toContain(response.status);
          if (response.status >= 400 && response.status !== 414 && response.status !== 431) {
            const error = JSON.parse(Buffer.from(body).toString('utf8')) as { code?: string };
            expect(error.code).toMatch(/^[a-z_]+$/u);
          }
          expect(ms).toBeLessThan(MAX_REQUEST_MS);
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    } finally {
      fuzzing = false;
      await healthWatch;
    }
    const growth = (await residentBytes(server.pid)) - before;
    console.info(
      `fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest request ${slowestMs.toFixed(0)} ms, slowest health ${slowestHealthMs.toFixed(0)} ms, memory growth ${(growth / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
    expect(slowestHealthMs).toBeLessThan(MAX_REQUEST_MS);
  });
});

/** The server's peak resident memory over `work`, sampled every 20 ms, less what it held before. */
async function memoryGrowth<T>(work: Promise<T>) {
  const before = await residentBytes(server.pid);
  let peak = before;
  let working = true;
  const watch = (async () => {
    while (working) {
      peak = Math.max(peak, await residentBytes(server.pid));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await work, growth: peak - before };
  } finally {
    working = false;
    await watch;
  }
}

// Issue 13: an export held the whole file in memory (three concurrent XLSX exports took the server
// from 635 MB to 2 GB). Health during exports is not asserted here: on shared cores its wait is
// mostly the machine's load (README, Reliability, gives the figures beside an idle server).
describe('exports of every passage on the dekamer server', () => {
  /**
   * Growth the three exports may cost together (measured 63–113 MiB, with the garbage collector's
   * timing); the ~20 kB a row the issue measured, held in memory, would be 370 MiB.
   */
  const MAX_EXPORT_GROWTH_BYTES = 200 * 1024 * 1024;

  it('three concurrent XLSX exports of every passage: memory stays flat', async () => {
    const exportAll = async (limit = '') => {
      const response = await fetch(`${server.url}/api/export?q=&format=xlsx${limit}`);
      const body = Buffer.from(await response.arrayBuffer());
      return { status: response.status, bytes: body.length, zip: body.subarray(0, 2).toString() };
    };
    const { passages } = (await (await fetch(`${server.url}/api/health`)).json()) as {
      passages: number;
    };
    await exportAll('&limit=1'); // loads exceljs, which is not what is measured
    const { result, growth } = await memoryGrowth(
      Promise.all([exportAll(), exportAll(), exportAll()]),
    );
    console.info(
      `exports: 3 × ${passages} rows (${result[0]!.bytes} bytes each), memory growth ${(growth / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(passages).toBeGreaterThan(5_000);
    expect(result.map((r) => [r.status, r.zip])).toEqual(Array(3).fill([200, 'PK']));
    expect(growth).toBeLessThan(MAX_EXPORT_GROWTH_BYTES);
  }, 180_000);
});
