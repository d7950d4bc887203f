// `vraagbaak search` as a user runs it, on a store holding the seeds.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlightToTerminal } from '../../src/cli/terminal-highlight.ts';
import type { SearchResult } from '../../src/search/query.ts';
import { openSeededApp, repoRoot, type SeededApp } from './seeded-app.ts';

const run = promisify(execFile);
let seeded: SeededApp;

beforeAll(async () => {
  seeded = await openSeededApp();
  await seeded.backend.close(); // the CLI opens the same store from disk
});
afterAll(() => seeded?.close());

const vraagbaak = (...args: string[]) =>
  run(process.execPath, ['bin/vraagbaak.js', 'search', ...args], {
    cwd: repoRoot,
    env: { ...process.env, VRAAGBAAK_DATA_DIR: seeded.dataDir, VRAAGBAAK_BACKEND: 'embedded' },
  });

describe('vraagbaak search', () => {
  it('prints the SearchResult with --json', async () => {
    const { stdout } = await vraagbaak('begeleidingstraject', '--json', '--size', '3');
    const result = JSON.parse(stdout) as SearchResult;
    expect(result.hits.length).toBe(3);
    const seed000 = seeded.seeds.find((s) => path.basename(s.source).startsWith('000_'));
    expect(result.hits[0]?.documentId).toBe(seed000?.id);
  });

  it('prints titles and plain snippets when stdout is not a terminal', async () => {
    const { stdout } = await vraagbaak('begeleidingstraject', '--type', 'question');
    const seed000 = seeded.seeds.find((s) => path.basename(s.source).startsWith('000_'));
    expect(stdout).toMatch(/^\d+ passages \(\d+ ms\)/);
    expect(stdout).toContain(seed000?.title ?? '(no title)');
    expect(stdout).toMatch(/begeleidingstraject/i);
    expect(stdout).not.toContain('<mark>');
    expect(stdout).not.toContain('\u001b[');
  });

  it('refuses an invalid filter with a message and a failing exit code', async () => {
    const failure = await vraagbaak('budget', '--type', 'speech').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/invalid search.*type/s);
  });
});

describe('highlightToTerminal', () => {
  const html = 'opleidings-&#x2F;<mark>begeleidingstrajecten</mark> &amp; meer';
  it('makes matches bold yellow on a terminal and decodes the HTML escapes', () => {
    expect(highlightToTerminal(html, true)).toBe(
      'opleidings-/\u001b[1;33mbegeleidingstrajecten\u001b[0m & meer',
    );
  });
  it('drops the marks otherwise', () => {
    expect(highlightToTerminal(html, false)).toBe('opleidings-/begeleidingstrajecten & meer');
  });
});
