// The embedded index on disk: Orama's dump of its index plus our passages (./passage-index.ts),
// as gzipped JSON, written atomically (temporary file + rename), so a restart needs no analysis.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import type { PassageIndexData } from './passage-index.ts';

const SNAPSHOT_FILE = 'embedded-index.json.gz';
const FORMAT_VERSION = 2;

// The passages were validated on the way in; on the way back only the envelope is checked.
const Snapshot = z.object({
  version: z.literal(FORMAT_VERSION),
  index: z.custom<PassageIndexData>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      ['orama', 'passages', 'exactTerms', 'exactText'].every((key) => key in value),
  ),
});

export const snapshotPath = (dataDir: string) => join(dataDir, SNAPSHOT_FILE);

/** The stored passages, or null when nothing was stored yet. Throws with a reason when unreadable. */
export async function readSnapshot(dataDir: string): Promise<PassageIndexData | null> {
  const path = snapshotPath(dataDir);
  let compressed: Buffer;
  try {
    compressed = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const json: unknown = JSON.parse((await promisify(gunzip)(compressed)).toString('utf8'));
    return Snapshot.parse(json).index;
  } catch (error) {
    throw new Error(`${path} is not a readable index snapshot (${(error as Error).message})`, {
      cause: error,
    });
  }
}

export async function writeSnapshot(dataDir: string, index: PassageIndexData): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = snapshotPath(dataDir);
  const temporary = `${path}.${process.pid}.tmp`;
  const json = JSON.stringify({ version: FORMAT_VERSION, index });
  await writeFile(temporary, await promisify(gzip)(json, { level: 1 }));
  await rename(temporary, path);
}

export async function removeSnapshot(dataDir: string): Promise<void> {
  await rm(snapshotPath(dataDir), { force: true });
}
