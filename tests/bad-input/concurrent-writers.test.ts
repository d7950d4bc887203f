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
  'a rebuild beside two upserts leaves what the three runs would leave in turn',
  { timeout: 240_000 },
  async () => {
    const [a, b, rebuild] = await Promise.all([
      index('a.jsonl.gz', 'data-rebuild'),
      index('b.jsonl.gz', 'data-rebuild'),
      index('rebuild.jsonl.gz', 'data-rebuild', '--rebuild'),
    ]);
    // Each run exited 0 (execFile rejects otherwise) and said it indexed all of its documents.
    for (const run of [a, b, rebuild]) {
      expect(run.stdout).toMatch(new RegExp(`Indexed ${PER_RUN} documents`));
    }
    const backend = await EmbeddedBackend.open({ dataDir: path.join(dir, 'data-rebuild') });
    const kept = new Map<File, number>();
    try {
      for (const file of FILES) {
        const found = await Promise.all(idsOf.get(file)!.map((id) => backend.getDocument(id)));
        kept.set(file, found.filter((document) => document !== null).length);
      }
      const stats = await backend.stats();
      expect(stats.documents).toBe([...kept.values()].reduce((sum, count) => sum + count, 0));
    } finally {
      await backend.close();
    }
    // In any order the lock may give, the rebuild's documents stay: a later upsert only adds.
    expect(kept.get('rebuild.jsonl.gz')).toBe(PER_RUN);
    // An upsert's documents are all kept (it ran after the rebuild) or all gone (before it)...
    const lost = (['a.jsonl.gz', 'b.jsonl.gz'] as const).filter((file) => {
      expect([0, PER_RUN]).toContain(kept.get(file));
      return kept.get(file) === 0;
    });
    // ...and gone only if the rebuild then did not hold the lock first: it said it waited.
    if (lost.length > 0) expect(waited(rebuild.stderr)).toBe(true);
  },
);
