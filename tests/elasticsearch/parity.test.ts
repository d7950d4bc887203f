// Analyzer parity: the TypeScript analyzer (src/analysis/analyzer.ts) and Elasticsearch's index
// analyzer, both built from mappings/analysis.json, give the same terms at the same offsets for every
// word of the Snowball Dutch vocabulary and every token of the seeds and the dekamer corpus.
import { createReadStream } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyzer.ts';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import type { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { DEKAMER, SEEDS_DIR, stream, testBackend } from './backend-fixtures.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

const VOCABULARY = sharedPath('reference', 'snowball-dutch', 'voc.txt');
/** Characters per _analyze call, and the tokens such a call may return at most. */
const BATCH_CHARS = 200_000;
const MAX_TOKENS = 100_000;

interface Tally {
  tokens: number;
  same: number;
  mismatches: string[];
}

async function* dekamerTexts(): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(DEKAMER).pipe(createGunzip()) });
  for await (const line of lines) {
    const record = JSON.parse(line) as { question: string; answer: string | null };
    yield record.question;
    if (record.answer) yield record.answer;
  }
}

async function* seedTexts(): AsyncGenerator<string> {
  for (const name of (await readdir(SEEDS_DIR)).sort())
    yield readFile(path.join(SEEDS_DIR, name), 'utf8');
}

async function* vocabulary(): AsyncGenerator<string> {
  yield* (await readFile(VOCABULARY, 'utf8')).split('\n').filter((word) => word !== '');
}

describeElasticsearch('Analyzer parity: TypeScript vs Elasticsearch', () => {
  let backend: ElasticsearchBackend;
  let client: Client;
  let index: string;

  beforeAll(async () => {
    // An empty passage index built from the real template holds the analyzer under test.
    backend = testBackend('parity', elasticsearchUrl());
    await backend.index(stream([]), { mode: 'rebuild' });
    client = createElasticsearchClient(elasticsearchUrl());
    const [live] = Object.keys(await client.indices.getAlias({ name: backend.alias }));
    if (!live) throw new Error(`nothing behind ${backend.alias}`);
    index = live;
    await client.indices.putSettings({
      index,
      settings: { 'index.analyze.max_token_count': MAX_TOKENS },
    });
  });

  afterAll(async () => {
    await backend?.clear();
    await backend?.close();
    await client?.close();
  });

  /**
   * Analyses a batch of texts in one _analyze call (a multi-valued field) and compares each
   * text's (start, end, term) triples with the TypeScript analyzer's. A value's offsets continue
   * from the previous value's length plus Lucene's offset gap of 1.
   */
  async function compare(texts: string[], tally: Tally): Promise<void> {
    const response = await client.indices.analyze({
      index,
      analyzer: 'dutch_text',
      text: texts,
      filter_path: ['tokens.token', 'tokens.start_offset', 'tokens.end_offset'],
    });
    const esTokens = response.tokens ?? [];
    let next = 0;
    let base = 0;
    for (const text of texts) {
      const elasticsearch: string[] = [];
      while (next < esTokens.length && esTokens[next]!.start_offset < base + text.length + 1) {
        const { token, start_offset, end_offset } = esTokens[next++]!;
        elasticsearch.push(`${start_offset - base}-${end_offset - base}:${token}`);
      }
      const typescript = analyze(text).flatMap((t) =>
        t.term === null ? [] : [`${t.start}-${t.end}:${t.term}`],
      );
      const expected = new Set(elasticsearch);
      const same = typescript.filter((t) => expected.has(t)).length;
      tally.tokens += Math.max(elasticsearch.length, typescript.length);
      tally.same += same;
      if (same !== elasticsearch.length || same !== typescript.length) {
        const found = new Set(typescript);
        const onlyEs = elasticsearch.filter((t) => !found.has(t)).slice(0, 3);
        const onlyTs = typescript.filter((t) => !expected.has(t)).slice(0, 3);
        tally.mismatches.push(
          `${JSON.stringify(text.slice(0, 60))}: Elasticsearch ${onlyEs.join(' ')} | TypeScript ${onlyTs.join(' ')}`,
        );
      }
      base += text.length + 1;
    }
  }

  async function parity(label: string, texts: AsyncIterable<string>): Promise<Tally> {
    const tally: Tally = { tokens: 0, same: 0, mismatches: [] };
    let batch: string[] = [];
    let chars = 0;
    for await (const text of texts) {
      batch.push(text);
      chars += text.length;
      if (chars >= BATCH_CHARS) {
        await compare(batch, tally);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) await compare(batch, tally);
    const percent = ((100 * tally.same) / Math.max(tally.tokens, 1)).toFixed(3);
    console.log(
      `analyzer parity, ${label}: ${tally.same} of ${tally.tokens} terms identical (${percent}%)` +
        (tally.mismatches.length ? `\n  ${tally.mismatches.slice(0, 10).join('\n  ')}` : ''),
    );
    return tally;
  }

  it.each([
    ['the Snowball Dutch vocabulary', vocabulary],
    ['the seeds', seedTexts],
    ['the dekamer corpus', dekamerTexts],
  ])(
    'gives the same terms for every token of %s',
    async (label, texts) => {
      const tally = await parity(label, texts());
      expect(tally.tokens).toBeGreaterThan(0);
      expect(tally.mismatches).toEqual([]);
      expect(tally.same).toBe(tally.tokens);
    },
    900_000,
  );
});
