// `vraagbaak similar` as a user runs it, on a store holding the seeds.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { likeText } from '../../src/search/similar/like-document.ts';
import type { SimilarResult } from '../../src/search/similar/similar-query.ts';
import { openSeededApp, repoRoot, type SeededApp } from './seeded-app.ts';

const run = promisify(execFile);
let seeded: SeededApp;
let draftDir: string;

beforeAll(async () => {
  seeded = await openSeededApp();
  await seeded.backend.close(); // the CLI opens the same store from disk
  draftDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-draft-'));
});
afterAll(async () => {
  await seeded?.close();
  if (draftDir) await rm(draftDir, { recursive: true, force: true });
});

const vraagbaak = (...args: string[]) =>
  run(process.execPath, ['bin/vraagbaak.js', 'similar', ...args], {
    cwd: repoRoot,
    env: { ...process.env, VRAAGBAAK_DATA_DIR: seeded.dataDir, VRAAGBAAK_BACKEND: 'embedded' },
  });
const seed = (prefix: string) => seeded.seeds.find((s) => s.id.startsWith(prefix))!;

describe('vraagbaak similar', () => {
  it('finds the documents like a draft in a text file', async () => {
    const draft = path.join(draftDir, 'draft.txt');
    await writeFile(draft, likeText(seed('001_')));
    const { stdout } = await vraagbaak('--text-file', draft, '--json', '--size', '3');
    const result = JSON.parse(stdout) as SimilarResult;
    expect(result.hits[0]?.documentId).toBe(seed('001_').id);
    expect(result.hits.length).toBeLessThanOrEqual(3);
  });

  it('prints the documents like a document, with whether they were answered', async () => {
    const { stdout } = await vraagbaak(seed('000_').id);
    expect(stdout).toMatch(/^\d+ similar documents \(\d+ ms\)/);
    expect(stdout).toContain(seed('001_').title!);
    expect(stdout).toContain('beantwoord');
    expect(stdout).not.toContain(`[${seed('000_').id}]`);
    expect(stdout).not.toContain('<mark>');
  });

  it('fails with a message for an unknown document, a missing file or neither input', async () => {
    for (const [args, message] of [
      [['no-such-document'], /no document with id no-such-document/],
      [['--text-file', path.join(draftDir, 'missing.txt')], /cannot read .*missing\.txt/],
      [[], /either a document id or --text-file/],
    ] as const) {
      const failure = await vraagbaak(...args).catch((error: unknown) => error);
      expect(failure, args.join(' ')).toMatchObject({ code: 1 });
      expect((failure as { stderr: string }).stderr).toMatch(message);
    }
  }, 180_000); // three CLI processes, each opening the store
});
