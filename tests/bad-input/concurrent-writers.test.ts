// Two real `vraagbaak index` processes on one embedded data directory at the same time: both
// succeed and the store holds every document of both (before the write lock, each saved only its
// own snapshot and the later save silently dropped the other's documents).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { firstDekamerLines, repoRoot } from '../faults/dekamer-sample.ts';

const PER_RUN = 150;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-writers-'));
  const lines = await firstDekamerLines(2 * PER_RUN);
  await writeFile(path.join(dir, 'a.jsonl.gz'), gzipSync(lines.slice(0, PER_RUN).join('\n')));
  await writeFile(path.join(dir, 'b.jsonl.gz'), gzipSync(lines.slice(PER_RUN).join('\n')));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function index(file: string) {
  return promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'bin/vraagbaak.js'), 'index', path.join(dir, file)],
    {
      env: {
        ...process.env,
        VRAAGBAAK_DATA_DIR: path.join(dir, 'data'),
        VRAAGBAAK_BACKEND: 'embedded',
      },
    },
  );
}

test('two concurrent index runs keep both runs’ documents', { timeout: 240_000 }, async () => {
  const [a, b] = await Promise.all([index('a.jsonl.gz'), index('b.jsonl.gz')]);
  expect(a.stdout).toMatch(new RegExp(`Indexed ${PER_RUN} documents`));
  expect(b.stdout).toMatch(new RegExp(`Indexed ${PER_RUN} documents`));
  const backend = await EmbeddedBackend.open({ dataDir: path.join(dir, 'data') });
  try {
    expect((await backend.stats()).documents).toBe(2 * PER_RUN);
  } finally {
    await backend.close();
  }
  // The one that waited said so.
  expect(a.stderr + b.stderr).toMatch(/another writer \(vraagbaak index\) is using .*waiting/);
});
