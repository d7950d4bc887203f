// Real `vraagbaak index` processes on one embedded data directory at the same time: two upserts
// both succeed and the store holds every document of both; a `--rebuild` beside two upserts leaves
// what the three would leave run one after another. Before the write lock, each run saved only its
// own snapshot and the last save silently dropped the others' documents.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { dekamerDocumentId } from '../../src/pipeline/document-id.ts';
import { firstDekamerLines, repoRoot } from '../faults/dekamer-sample.ts';

const PER_RUN = 150;
const FILES = ['a.jsonl.gz', 'b.jsonl.gz', 'rebuild.jsonl.gz'] as const;
type File = (typeof FILES)[number];
let dir: string;
/** The document ids each input file holds. */
const idsOf = new Map<File, string[]>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-writers-'));
  const lines = await firstDekamerLines(FILES.length * PER_RUN);
  for (const [i, file] of FILES.entries()) {
    const own = lines.slice(i * PER_RUN, (i + 1) * PER_RUN);
    await writeFile(path.join(dir, file), gzipSync(own.join('\n')));
    idsOf.set(
      file,
      own.map((line) => dekamerDocumentId((JSON.parse(line) as { doc_id: number }).doc_id)),
    );
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function index(file: File, dataDir = 'data', ...flags: string[]) {
  return promisify(execFile)(
    process.execPath,
    [path.join(repoRoot, 'bin/vraagbaak.js'), 'index', ...flags, path.join(dir, file)],
    {
      env: {
        ...process.env,
        VRAAGBAAK_DATA_DIR: path.join(dir, dataDir),
        VRAAGBAAK_BACKEND: 'embedded',
      },
    },
  );
}

const waited = (stderr: string) =>
  /another writer \(vraagbaak index\) is using .*waiting/.test(stderr);

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
  expect(waited(a.stderr) || waited(b.stderr)).toBe(true);
});

test(
  'a rebuild beside two upserts leaves what the three would leave in turn',
  { timeout: 240_000 },
  async () => {
    const runs: { file: File; flags: string[] }[] = [
      { file: 'a.jsonl.gz', flags: [] },
      { file: 'b.jsonl.gz', flags: [] },
      { file: 'rebuild.jsonl.gz', flags: ['--rebuild'] },
    ];
    // The lock's order is the order the runs exit in: a run exits as soon as it releases the lock,
    // while the next holder still has to load, index and save.
    const exited: { file: File; flags: string[]; stdout: string; stderr: string }[] = [];
    await Promise.all(
      runs.map(async (run) => {
        const output = await index(run.file, 'data-rebuild', ...run.flags);
        exited.push({ ...run, ...output });
      }),
    );
    // Each exited 0 (execFile rejects otherwise) and said it indexed all its documents.
    for (const run of exited)
      expect(run.stdout).toMatch(new RegExp(`Indexed ${PER_RUN} documents`));

    let serial = new Set<string>();
    for (const run of exited) {
      if (run.flags.includes('--rebuild')) serial = new Set();
      for (const id of idsOf.get(run.file)!) serial.add(id);
    }
    const backend = await EmbeddedBackend.open({ dataDir: path.join(dir, 'data-rebuild') });
    try {
      const stored = await Promise.all(
        FILES.flatMap((file) => idsOf.get(file)!).map(async (id) =>
          (await backend.getDocument(id)) === null ? [] : [id],
        ),
      );
      expect(new Set(stored.flat())).toEqual(serial);
      expect((await backend.stats()).documents).toBe(serial.size);
    } finally {
      await backend.close();
    }
    // Every run but the lock's first holder said it waited (a rebuild that ran last leaves the
    // same store with or without the lock; only this tells the two apart).
    expect(exited.map((run) => waited(run.stderr))).toEqual([false, true, true]);
  },
);
