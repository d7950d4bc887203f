// The first records of the federal dekamer corpus, as a small file of the same format: tests get
// real documents through the real pipeline in seconds rather than the whole corpus in a minute.
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { sharedPath } from '../../tooling/shared-data.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const dekamerPath = sharedPath('corpus', 'dekamer-2017.jsonl.gz');

export async function firstDekamerLines(count: number): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(dekamerPath).pipe(createGunzip()) });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length === count) break;
  }
  reader.close();
  return lines;
}

/** Writes the first `count` records to `file` (gzipped JSON lines, like the corpus). */
export async function writeDekamerSample(file: string, count: number): Promise<void> {
  await writeFile(file, gzipSync((await firstDekamerLines(count)).join('\n') + '\n'));
}
