// `vraagbaak index … --backend elasticsearch` as a user runs it: a real process against a real node.
// A broken file is named with its reason and makes the exit code non-zero, the good documents are
// indexed anyway, and re-running (upsert or --rebuild) never duplicates.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../../tooling/elasticsearch/distribution.ts';
import type { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { SEEDS_DIR, parseAll, testBackend } from './backend-fixtures.ts';

const SEEDS = ['000_f71e14aadc76dc25.txt', '002_65ead8cb2139d1f8.txt'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function vraagbaak(args: string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(REPO_ROOT, 'bin/vraagbaak.js'), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describeElasticsearch('vraagbaak index --backend elasticsearch', () => {
  let dir: string;
  let backend: ElasticsearchBackend;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-index-cli-'));
    for (const name of SEEDS) await copyFile(path.join(SEEDS_DIR, name), path.join(dir, name));
    await writeFile(path.join(dir, 'broken.pdf'), 'this is no PDF');
    backend = testBackend('cli', elasticsearchUrl());
    env = { ELASTICSEARCH_URL: elasticsearchUrl(), VRAAGBAAK_ES_ALIAS: backend.alias };
  });

  afterAll(async () => {
    await backend?.clear();
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('indexes the good files, names the broken one, and exits non-zero', async () => {
    const expected = await parseAll(SEEDS.map((name) => path.join(dir, name)));
    const passages = expected.reduce((sum, d) => sum + d.passages.length, 0);

    const run = await vraagbaak(['index', dir, '--backend', 'elasticsearch'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Indexed 2 documents (${passages} passages)`);
    expect(run.stdout).toMatch(/broken\.pdf: \S+/);
    expect(await backend.stats()).toEqual({ documents: 2, passages });
    const found = await backend.search(SearchQuery.parse({ q: 'infosessies' }));
    expect(found.total).toBeGreaterThan(0);

    for (const args of [[], ['--rebuild']]) {
      const again = await vraagbaak(['index', dir, '--backend', 'elasticsearch', ...args], env);
      expect(again.code).toBe(1);
      expect(await backend.stats()).toEqual({ documents: 2, passages });
    }
  });

  it('says the backend is unavailable when no node answers', async () => {
    const run = await vraagbaak(
      ['index', path.join(dir, SEEDS[0]!), '--backend', 'elasticsearch'],
      {
        ...env,
        ELASTICSEARCH_URL: 'http://127.0.0.1:9',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('search backend unavailable: Elasticsearch cannot be reached');
  });
});
