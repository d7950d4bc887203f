// Memory of the embedded backend: a fresh child process indexes the corpus and reports how much
// resident memory and heap the index holds, scaled to 10,000 passages. Medians of several children.
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import type { DocumentRecord } from '../src/model/document.ts';
import { throughput, type Throughput } from './indexing.ts';
import type { MemoryReport } from './memory-child.ts';
import { median, round } from './stats.ts';

const execFileAsync = promisify(execFile);
const childScript = path.join(import.meta.dirname, 'memory-child.ts');
const MiB = 1024 ** 2;

export interface MemoryPer10k {
  passages: number;
  runs: number;
  rssMiBPer10kPassages: number;
  heapMiBPer10kPassages: number;
}

/**
 * Each child also times its indexing run: embedded indexing throughput comes from the same fresh
 * processes (the corpus read from a local file, so it is prepared documents as elsewhere).
 */
export async function measureEmbeddedMemory(
  documents: readonly DocumentRecord[],
  runs: number,
): Promise<{ memory: MemoryPer10k; indexing: Throughput; passagesPerCpuSecond: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-memory-input-'));
  const file = path.join(dir, 'documents.jsonl');
  try {
    await pipeline(
      documents.map((document) => JSON.stringify(document) + '\n'),
      createWriteStream(file),
    );
    const reports: MemoryReport[] = [];
    for (let run = 0; run < runs; run++) {
      const { stdout } = await execFileAsync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', childScript, file],
        { maxBuffer: 1024 * 1024 },
      );
      reports.push(JSON.parse(stdout) as MemoryReport);
    }
    const { documents: indexed, passages } = reports[0]!;
    const per10k = (bytes: number) => round((bytes / MiB / passages) * 10_000);
    return {
      memory: {
        passages,
        runs,
        rssMiBPer10kPassages: per10k(median(reports.map((r) => r.rssBytes))),
        heapMiBPer10kPassages: per10k(median(reports.map((r) => r.heapBytes))),
      },
      indexing: throughput(
        indexed,
        passages,
        reports.map((r) => r.indexMs),
      ),
      passagesPerCpuSecond: Math.round(
        passages / (median(reports.map((r) => r.indexCpuMs)) / 1000),
      ),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
