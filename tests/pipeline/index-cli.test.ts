// `vraagbaak index` as a user runs it from a script: a real process, output not a terminal.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, seedsDir } from './support/parse.ts';
import { pdfFromLines } from './support/pdf-fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-index-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function vraagbaak(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'bin/vraagbaak.js'), ...args],
      { cwd: repoRoot, env: { ...process.env, ...env } },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const { stdout, stderr, code } = error as { stdout: string; stderr: string; code: number };
    return { stdout, stderr, code };
  }
}

describe('vraagbaak index', () => {
  it('ends with a summary of documents, passages, refused files and seconds', async () => {
    const broken = path.join(dir, 'empty.txt');
    await writeFile(broken, '');
    const dataDir = path.join(dir, 'data');
    const { stdout, code } = await vraagbaak(['index', seedsDir, broken], {
      VRAAGBAAK_BACKEND: 'embedded',
      VRAAGBAAK_DATA_DIR: dataDir,
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^Indexed 5 documents \(47 passages\), 1 refused, in [\d.]+ s \([\d.]+ CPU-s\)/m,
    );
    expect(stdout).toContain(`${broken}: `);
  });

  it('reports a PDF past VRAAGBAAK_PDF_TIME_BUDGET by name and indexes the other files', async () => {
    const pdf = path.join(dir, 'slow.pdf');
    await writeFile(pdf, await pdfFromLines(['Vraag over de subsidies.', 'Antwoord.']));
    const { stdout, code } = await vraagbaak(['index', seedsDir, pdf], {
      VRAAGBAAK_BACKEND: 'embedded',
      VRAAGBAAK_DATA_DIR: path.join(dir, 'data-pdf-budget'),
      // No PDF is read in 50 ms: the stand-in for one that keeps pdf.js busy for minutes.
      VRAAGBAAK_PDF_TIME_BUDGET: '0.05',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^Indexed 5 documents \(47 passages\), 1 refused/m);
    expect(stdout).toContain(`${pdf}: reading took longer than 0.05 s; skipped`);
  });

  it('names an invalid setting and its reason, without a stack trace', async () => {
    const { stderr, code } = await vraagbaak(['index', seedsDir], { VRAAGBAAK_BACKEND: 'solr' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/invalid setting: VRAAGBAAK_BACKEND: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
