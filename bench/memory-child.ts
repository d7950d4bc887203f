// Run in a fresh process by memory.ts: indexes the prepared documents of a JSON-lines file into an
// empty embedded backend and prints how long that took and the resident and heap memory it holds
// (after full GCs, so garbage from reading the file does not count). Needs node --expose-gc.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { DocumentRecord } from '../src/model/document.ts';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';

export interface MemoryReport {
  documents: number;
  passages: number;
  indexMs: number;
  /** CPU time of the indexing run (user + system), ms. */
  indexCpuMs: number;
  rssBytes: number;
  heapBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/**
 * After full GCs and a moment for the collector's background threads to unmap the pages they
 * freed: read at once, rss still counted 10–40 MiB of them after a build.
 */
async function settled() {
  gc!();
  gc!();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

async function* documentsOf(file: string): AsyncIterable<DocumentRecord> {
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line) yield JSON.parse(line) as DocumentRecord;
  }
}

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: memory-child.ts <documents.jsonl>');
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-memory-'));
try {
  const backend = await EmbeddedBackend.open({ dataDir });
  const before = await settled();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const report = await backend.index(documentsOf(file));
  const indexMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  const after = await settled();
  const result: MemoryReport = {
    documents: report.documents,
    passages: report.passages,
    indexMs,
    indexCpuMs: (user + system) / 1000,
    rssBytes: after.rss - before.rss,
    heapBytes: after.heapUsed - before.heapUsed,
  };
  console.log(JSON.stringify(result));
  await backend.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
