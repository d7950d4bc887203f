// Measures how often the TypeScript analyzer produces exactly the tokens (text, offsets, position,
// stopword or not) that a real Elasticsearch produces with the standard tokenizer + lowercase +
// _dutch_ stop, over all text of the seeds and the dekamer corpus.
// Also records Elasticsearch's tokens for the tricky cases of tests/analysis/tokenizer-cases.json
// into tests/analysis/fixtures/, which the unit tests compare the tokenizer against.
// Usage: ELASTICSEARCH_URL=http://127.0.0.1:9299 npx tsx bench/tokenizer-parity.ts [--limit N]
import { createReadStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createAnalyzer, type AnalyzedToken } from '../src/analysis/analyzer.ts';
import { loadAnalysisSettings } from '../src/analysis/definition.ts';
import { sharedDir } from '../tooling/shared-data.ts';

const url = process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9299';
const repoRoot = path.resolve(import.meta.dirname, '..');
const shared = sharedDir;
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;

// The stemmer is left out: the node used for measuring may lack it; tokenization is what is compared.
const settings = loadAnalysisSettings();
const parityFilters = ['lowercase', 'dutch_stop'];
settings.analysis.analyzer.parity = {
  type: 'custom',
  tokenizer: 'standard',
  filter: parityFilters,
};
const analyzeTs = createAnalyzer('parity', settings);
const index = 'vraagbaak-tokenizer-parity';

async function es(method: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok && !(method === 'DELETE' && response.status === 404)) {
    throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

interface EsToken {
  token: string;
  start_offset: number;
  end_offset: number;
  position: number;
}

async function* texts(): AsyncGenerator<{ name: string; text: string }> {
  const seeds = path.join(shared, 'seeds');
  for (const file of readdirSync(seeds).sort()) {
    yield { name: file, text: readFileSync(path.join(seeds, file), 'utf8') };
  }
  const lines = createInterface({
    input: createReadStream(path.join(shared, 'corpus/dekamer-2017.jsonl.gz')).pipe(createGunzip()),
  });
  for await (const line of lines) {
    const record = JSON.parse(line) as { doc_id: number; question: string; answer: string | null };
    yield { name: `dekamer ${record.doc_id} question`, text: record.question };
    if (record.answer) yield { name: `dekamer ${record.doc_id} answer`, text: record.answer };
  }
}

const key = (t: {
  text: string;
  start: number;
  end: number;
  position: number;
  term: string | null;
}) => `${t.start}:${t.end}:${t.position}:${t.text}:${t.term === null ? '-' : t.term}`;

await es('DELETE', `/${index}`);
await es('PUT', `/${index}`, {
  settings: {
    'index.analyze.max_token_count': 1_000_000,
    analysis: {
      filter: { dutch_stop: settings.analysis.filter.dutch_stop },
      analyzer: { parity: { type: 'custom', tokenizer: 'standard', filter: parityFilters } },
    },
  },
});

let documents = 0;
let matched = 0;
let esCount = 0;
let tsCount = 0;
const differences: string[] = [];
for await (const { name, text } of texts()) {
  if (documents >= limit) break;
  documents++;
  const result = (await es('POST', `/${index}/_analyze`, {
    analyzer: 'parity',
    text,
    explain: false,
  })) as {
    tokens: EsToken[];
  };
  // ES reports surviving tokens only; a stopword shows as a position gap. Rebuild the same view.
  const expected = new Set(
    result.tokens.map((t) =>
      key({
        text: text.slice(t.start_offset, t.end_offset),
        start: t.start_offset,
        end: t.end_offset,
        position: t.position,
        term: t.token,
      }),
    ),
  );
  const actual = analyzeTs(text).filter((t: AnalyzedToken) => t.term !== null);
  esCount += expected.size;
  tsCount += actual.length;
  for (const token of actual) {
    if (expected.delete(key(token))) matched++;
    else if (differences.length < 40)
      differences.push(
        `${name}: TS only ${JSON.stringify(token)} ${JSON.stringify(text.slice(token.start - 15, token.end + 15))}`,
      );
  }
  for (const missing of expected)
    if (differences.length < 40) differences.push(`${name}: ES only ${missing}`);
}
const cases = JSON.parse(
  readFileSync(path.join(repoRoot, 'tests/analysis/tokenizer-cases.json'), 'utf8'),
) as string[];
const recorded = [];
for (const text of cases) {
  const result = (await es('POST', '/_analyze', { tokenizer: 'standard', text })) as {
    tokens: EsToken[];
  };
  recorded.push({
    text,
    tokens: result.tokens.map(({ token, start_offset, end_offset, position }) => ({
      token,
      start_offset,
      end_offset,
      position,
    })),
  });
}
const nodes = (await es('GET', '/_nodes?filter_path=nodes.*.version')) as {
  nodes: Record<string, { version: string }>;
};
const version = Object.values(nodes.nodes)[0]?.version ?? 'unknown version';
writeFileSync(
  path.join(repoRoot, 'tests/analysis/fixtures/standard-tokenizer-elasticsearch.json'),
  JSON.stringify(
    { source: `Elasticsearch ${version} _analyze, tokenizer standard`, cases: recorded },
    null,
    2,
  ) + '\n',
);
await es('DELETE', `/${index}`);

console.log(differences.join('\n'));
console.log(
  `${documents} texts; Elasticsearch ${esCount} tokens, TypeScript ${tsCount}; identical ${matched} ` +
    `(${((100 * matched) / Math.max(esCount, tsCount)).toFixed(4)}%)`,
);
