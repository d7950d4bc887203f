// `npm run bench`: measures vraagbaak on this machine and writes bench/results.json and
// bench/results.md. Figures are medians of several runs; bench/README.md says what each one measures and how.
// Elasticsearch: ELASTICSEARCH_URL when given (indices under the alias vraagbaak-passages-bench),
// otherwise a node of its own on port 9260, stopped at the end.
import { spawnSync } from 'node:child_process';
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { createElasticsearchClient } from '../src/search/elasticsearch/client.ts';
import type { DocumentRecord } from '../src/model/document.ts';
import type { BackendName, SearchBackend } from '../src/search/backend.ts';
import { elasticsearchAlias, openBackend } from './backends.ts';
import { loadCorpus, pipelineDocuments } from './corpus.ts';
import { acquireElasticsearch } from './elasticsearch-node.ts';
import { GROWTH_ROUNDS, measureGrowth } from './growth.ts';
import { measureIndexing, prepared, type Throughput } from './indexing.ts';
import { describeMachine } from './machine.ts';
import { measureEmbeddedMemory } from './memory.ts';
import { measurePipelineRatio } from './pipeline-ratio.ts';
import { measureApi, measureElasticsearchDirect, querySetFor } from './queries.ts';
import { toMarkdown, type BenchResults } from './report.ts';
import { readSection } from './results-section.ts';
import { SIMILAR_SECTION } from './similar-report.ts';
import { round } from './stats.ts';

const BENCH_ES_PORT = 9260;
const RESULTS_DIR = import.meta.dirname;
const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('a positive integer');
  return number;
};
const factors = (value: string) => value.split(',').map(positive);

interface Options {
  runs: number;
  rounds: number;
  growth: number[];
  growthBudget: number;
}

/**
 * Indexes the corpus `runs` times, measures on the filled index, then empties and closes it, so
 * no index outlives its section (an embedded one holds hundreds of MB).
 */
async function indexAndQuery<T>(
  open: () => Promise<SearchBackend>,
  documents: readonly DocumentRecord[],
  runs: number,
  measure: (backend: SearchBackend) => Promise<T>,
): Promise<{ indexing: Throughput; measured: T }> {
  const { result, backend } = await measureIndexing(open, prepared(documents), runs);
  try {
    return { indexing: result, measured: await measure(backend) };
  } finally {
    await backend.clear();
    await backend.close();
  }
}

async function main(options: Options): Promise<void> {
  const started = performance.now();
  const machine = describeMachine(null);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-bench-'));
  let stores = 0;
  const es = await acquireElasticsearch('bench', BENCH_ES_PORT, '1g', log);
  const client = createElasticsearchClient(es.url);
  const open =
    (name: BackendName, run = 'bench') =>
    () =>
      openBackend(name, {
        dataDir: path.join(workDir, `store-${stores++}`),
        elasticsearchUrl: es.url,
        run,
      });
  try {
    log('Pipeline over the dekamer corpus…');
    const corpus = await loadCorpus();
    const { documents, passages } = corpus;
    log(`${documents.length} documents, ${passages} passages`);
    const budgetMs = options.growthBudget * 1000;
    const larger = options.growth.filter((factor) => factor > 1);

    log(`Pipeline beside bare tokenization (bench/pipeline.ts) ×${options.runs}…`);
    const pipelineRatio = await measurePipelineRatio(options.runs);

    log(`Indexing into Elasticsearch from the pipeline ×${options.runs}…`);
    const fromPipeline = await measureIndexing(
      open('elasticsearch', 'benchpipeline'),
      () => pipelineDocuments(),
      options.runs,
    );
    await fromPipeline.backend.clear();
    await fromPipeline.backend.close();

    // 2–3: Elasticsearch indexing, then queries (API and direct) on the index the last run left.
    log(`Indexing into Elasticsearch ×${options.runs}, then queries through the API and direct…`);
    const es1 = await indexAndQuery(
      open('elasticsearch'),
      documents,
      options.runs,
      async (backend) => {
        // One query set for both backends: facet values from the Elasticsearch index.
        const queries = await querySetFor(backend);
        const api = await measureApi(backend, queries, options.rounds);
        const direct = await measureElasticsearchDirect(
          client,
          elasticsearchAlias('bench'),
          queries,
          options.rounds,
        );
        return { queries, api, direct };
      },
    );
    const { queries } = es1.measured;
    log(`Growth ×${larger.join(', ×')} on Elasticsearch…`);
    const growthElasticsearch = [
      { factor: 1, indexing: es1.indexing, queries: es1.measured.api },
      ...(await measureGrowth(open('elasticsearch', 'benchgrowth'), documents, larger, {
        rounds: GROWTH_ROUNDS,
        budgetMs,
        msPerPassage: es1.indexing.medianMs / passages,
      })),
    ];

    // 2, 4: embedded indexing and memory, each run in a fresh process.
    log(`Embedded indexing and memory, ${options.runs} fresh processes…`);
    const { memory, indexing: embeddedIndexing } = await measureEmbeddedMemory(
      documents,
      options.runs,
    );
    // 3, 5: an embedded index in this process for the queries, then growth.
    log('Indexing into embedded in-process for the queries…');
    const embedded1 = await indexAndQuery(open('embedded'), documents, 1, (backend) =>
      measureApi(backend, queries, options.rounds),
    );
    log(`Growth ×${larger.join(', ×')} on embedded…`);
    const growthEmbedded = [
      { factor: 1, indexing: embedded1.indexing, queries: embedded1.measured },
      ...(await measureGrowth(open('embedded'), documents, larger, {
        rounds: GROWTH_ROUNDS,
        budgetMs,
        msPerPassage: embedded1.indexing.medianMs / passages,
      })),
    ];

    const results: BenchResults = {
      machine: { ...machine, elasticsearch: es.version },
      settings: {
        runs: options.runs,
        rounds: options.rounds,
        growth: options.growth,
        growthBudgetSeconds: options.growthBudget,
      },
      corpus: {
        documents: documents.length,
        passages,
        pipelineFailures: corpus.failures.length,
      },
      pipeline: pipelineRatio,
      indexing: {
        embedded: embeddedIndexing,
        elasticsearch: es1.indexing,
        elasticsearchFromPipeline: fromPipeline.result,
        pipelineCostRatio: round(fromPipeline.result.medianMs / es1.indexing.medianMs, 2),
      },
      queries: {
        embedded: embedded1.measured,
        elasticsearch: es1.measured.api,
        elasticsearchDirect: es1.measured.direct,
        apiCostRatioP50: round(es1.measured.api.overall.p50 / es1.measured.direct.overall.p50, 2),
      },
      memory,
      growth: { elasticsearch: growthElasticsearch, embedded: growthEmbedded },
      durationSeconds: round((performance.now() - started) / 1000, 0),
    };
    await writeFile(
      path.join(RESULTS_DIR, 'results.json'),
      JSON.stringify(results, null, 2) + '\n',
    );
    // The similar-questions section (npm run bench:similar) is kept as it was.
    const resultsMd = path.join(RESULTS_DIR, 'results.md');
    const similar = await readSection(resultsMd, SIMILAR_SECTION);
    await writeFile(resultsMd, `${toMarkdown(results).trimEnd()}\n\n${similar}\n`.trimEnd() + '\n');
    log(`Done in ${results.durationSeconds} s: bench/results.json, bench/results.md`);
  } finally {
    await client.close();
    await es.release();
    await rm(workDir, { recursive: true, force: true });
  }
}

// The embedded growth steps build indices of ~100k passages in this process, beyond V8's default
// heap limit (about 4 GB): the benchmark runs itself again with a larger one.
const HEAP_MB = 12_288;
if (getHeapStatistics().heap_size_limit < HEAP_MB * 1024 ** 2 * 0.9) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}

const program = new Command('bench')
  .description('measure pipeline, indexing, queries, memory and growth; write bench/results.*')
  .option('--runs <n>', 'runs per indexing/memory figure (median)', positive, 3)
  .option('--rounds <n>', 'rounds of the query set per latency figure', positive, 20)
  .option('--growth <factors>', 'corpus sizes of the growth series', factors, [1, 4, 10])
  .option('--growth-budget <seconds>', 'longest index time a growth step may take', positive, 240)
  .action(main);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`bench: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
