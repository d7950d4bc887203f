// `vraagbaak serve` and its data dir as real processes (issue 13): a fresh data dir that refuses
// writes made serve exit with a stack trace; a server did not see what `vraagbaak index` wrote
// beside it (health kept its old counts, the new documents answered 404).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { snapshotPath } from '../../src/search/embedded/snapshot.ts';
import { firstDekamerLines, repoRoot } from '../faults/dekamer-sample.ts';
import { parseAll, SEEDS_DIR, stream } from '../support/corpus.ts';
import { killServeProcesses, startServeProcess } from '../support/serve-process.ts';

/** sysfs: a directory in which nobody, root included, may create a file. */
const UNWRITABLE_DIR = '/sys/kernel/mm';
const SEED_DOCUMENTS = 5;
const ADDED = 20;

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-serve-data-'));
});

afterAll(async () => {
  killServeProcesses();
  await rm(dir, { recursive: true, force: true });
});

async function health(url: string): Promise<{ httpStatus: number; documents?: number }> {
  const response = await fetch(`${url}/api/health`);
  return { httpStatus: response.status, ...((await response.json()) as { documents?: number }) };
}

describe('vraagbaak serve and its data dir', () => {
  it('serves the seeds from memory when the data dir refuses writes, and says they are not saved', async () => {
    const server = await startServeProcess({ VRAAGBAAK_DATA_DIR: UNWRITABLE_DIR });
    try {
      const notSaved = server.logs.find((line) => line.event === 'seeds-not-saved');
      expect(notSaved?.reason).toMatch(/NOT saved/);
      expect(await health(server.url)).toMatchObject({
        httpStatus: 200,
        documents: SEED_DOCUMENTS,
      });
    } finally {
      await server.stop();
    }
  });

  it('a running server picks up the snapshot `vraagbaak index` writes beside it', async () => {
    const dataDir = path.join(dir, 'data');
    const server = await startServeProcess({ VRAAGBAAK_DATA_DIR: dataDir });
    try {
      expect(await health(server.url)).toMatchObject({ documents: SEED_DOCUMENTS });
      const lines = await firstDekamerLines(ADDED);
      const sample = path.join(dir, 'sample.jsonl.gz');
      await writeFile(sample, gzipSync(lines.join('\n')));
      await promisify(execFile)(
        process.execPath,
        [path.join(repoRoot, 'bin/vraagbaak.js'), 'index', sample],
        { env: { ...process.env, VRAAGBAAK_DATA_DIR: dataDir, VRAAGBAAK_BACKEND: 'embedded' } },
      );
      const deadline = Date.now() + 15_000;
      let documents: number | undefined;
      while (Date.now() < deadline) {
        ({ documents } = await health(server.url));
        if (documents === SEED_DOCUMENTS + ADDED) break;
        await sleep(250);
      }
      expect(documents, 'health counts the new documents within 15 s').toBe(SEED_DOCUMENTS + ADDED);
      const added = (JSON.parse(lines.at(-1)!) as { doc_id: number }).doc_id;
      const document = await fetch(`${server.url}/api/documents/dekamer-${added}`);
      expect(document.status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('a snapshot cut short answers 503 with the reason on health and search, not 200 then 500', async () => {
    const dataDir = path.join(dir, 'cut');
    const backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(stream(await parseAll([SEEDS_DIR])));
    await backend.close();
    const snapshot = await readFile(snapshotPath(dataDir));
    await writeFile(snapshotPath(dataDir), snapshot.subarray(0, snapshot.length / 2));
    const server = await startServeProcess({ VRAAGBAAK_DATA_DIR: dataDir });
    try {
      for (const url of ['/api/health', '/api/search?q=fiets']) {
        const response = await fetch(`${server.url}${url}`);
        const body = (await response.json()) as { reason?: string };
        expect(response.status, url).toBe(503);
        expect(body.reason, url).toMatch(/not a readable index snapshot/);
      }
    } finally {
      await server.stop();
    }
  });
});
