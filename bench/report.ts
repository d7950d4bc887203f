// bench/results.md from the measured results: one table per question the benchmark answers.
import { GROWTH_ROUNDS, type GrowthStep } from './growth.ts';
import type { Throughput } from './indexing.ts';
import type { Machine } from './machine.ts';
import type { MemoryPer10k } from './memory.ts';
import type { PipelineRatio } from './pipeline-ratio.ts';
import type { QueryLatency } from './queries.ts';

export interface BenchResults {
  machine: Machine;
  settings: { runs: number; rounds: number; growth: number[]; growthBudgetSeconds: number };
  corpus: { documents: number; passages: number; pipelineFailures: number };
  pipeline: PipelineRatio;
  indexing: {
    embedded: Throughput;
    elasticsearch: Throughput;
    elasticsearchFromPipeline: Throughput;
    /** Pipeline → Elasticsearch time over prepared documents → Elasticsearch time. */
    pipelineCostRatio: number;
  };
  queries: {
    embedded: QueryLatency;
    elasticsearch: QueryLatency;
    elasticsearchDirect: QueryLatency;
    /** API p50 over the same bodies sent straight to Elasticsearch. */
    apiCostRatioP50: number;
  };
  memory: MemoryPer10k;
  growth: { elasticsearch: GrowthStep[]; embedded: GrowthStep[] };
  durationSeconds: number;
}

const table = (header: string[], rows: (string | number)[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

function indexingRow(name: string, t: Throughput): (string | number)[] {
  return [
    name,
    thousands(t.documents),
    thousands(t.passages),
    seconds(t.medianMs),
    thousands(t.documentsPerSecond),
    thousands(t.passagesPerSecond),
    t.runsMs.map(seconds).join(', '),
  ];
}

const latencyRow = (name: string, q: QueryLatency) => [
  name,
  q.overall.count,
  q.overall.p50,
  q.overall.p95,
  q.overall.p99,
];

function growthRows(backend: string, steps: GrowthStep[]): (string | number)[][] {
  return steps.map((step) =>
    'skipped' in step
      ? [backend, `×${step.factor}`, step.skipped, '', '', '', '']
      : [
          backend,
          `×${step.factor}`,
          thousands(step.indexing.passages),
          seconds(step.indexing.medianMs),
          thousands(step.indexing.passagesPerSecond),
          step.queries.overall.p50,
          step.queries.overall.p99,
        ],
  );
}

export function toMarkdown(r: BenchResults): string {
  const { machine: m } = r;
  const names = Object.keys(r.queries.embedded.perQueryP50);
  return `# vraagbaak benchmark results

Measured by \`npm run bench\` on ${m.date.slice(0, 16).replace('T', ' ')} UTC in ${r.durationSeconds} s.

- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; load average ${m.loadAverage} when the run began (the machine is shared: other work running beside the benchmark slows every figure)
- Node ${m.node}, Elasticsearch ${m.elasticsearch ?? 'not used'} (one node, 1 GB heap, on the same machine)
- Corpus: the federal dekamer questions of 2017 through the pipeline: ${thousands(r.corpus.documents)} documents, ${thousands(r.corpus.passages)} passages (${r.corpus.pipelineFailures} refused)
- Each indexing and memory figure is the median of ${r.settings.runs} runs; each latency figure covers ${r.settings.rounds} rounds of the query set after one warm-up round.

## 1. Pipeline

Parse + segment + language + entities + analysis of every passage, beside a bare pass (decompress, JSON, standard tokenizer) over the same corpus, by \`bench/pipeline.ts\`:

${table(
  ['Pass', 'Median s'],
  [
    ['bare: decompress + JSON + tokenize', r.pipeline.bareSeconds],
    ['full: pipeline + analysis', r.pipeline.fullSeconds],
  ],
)}

The full pipeline takes **${r.pipeline.ratio}×** the bare pass.

## 2. Indexing

Prepared documents (already through the pipeline) into an empty index each run: embedded in a fresh process per run (the runs of section 4), Elasticsearch as a rebuild behind an alias.

${table(
  ['Into', 'Documents', 'Passages', 'Median s', 'Documents/s', 'Passages/s', 'Runs (s)'],
  [
    indexingRow('embedded, prepared documents', r.indexing.embedded),
    indexingRow('Elasticsearch, prepared documents', r.indexing.elasticsearch),
    indexingRow('Elasticsearch, straight from the pipeline', r.indexing.elasticsearchFromPipeline),
  ],
)}

Pipeline + bulk takes **${r.indexing.pipelineCostRatio}×** the time of bulk indexing already-prepared documents.

## 3. Query latency (ms)

A fixed mixed set of ${names.length} queries (terms, phrases, prefix, exclusion, facet filters, amount and date ranges, collapse by document, date sort, a deep page, 100 hits), each with highlighting, sent one at a time.

${table(
  ['Path', 'Requests', 'p50', 'p95', 'p99'],
  [
    latencyRow('API (HTTP on 127.0.0.1) → embedded', r.queries.embedded),
    latencyRow('API (HTTP on 127.0.0.1) → Elasticsearch', r.queries.elasticsearch),
    latencyRow(
      'Same Elasticsearch bodies, client straight to the node',
      r.queries.elasticsearchDirect,
    ),
  ],
)}

The API adds **${r.queries.apiCostRatioP50}×** to Elasticsearch's p50 (HTTP, validation, result shaping).

p50 per query (ms):

${table(
  ['Query', 'API → embedded', 'API → Elasticsearch', 'Elasticsearch direct'],
  names.map((name) => [
    name,
    r.queries.embedded.perQueryP50[name] ?? '',
    r.queries.elasticsearch.perQueryP50[name] ?? '',
    r.queries.elasticsearchDirect.perQueryP50[name] ?? '',
  ]),
)}

## 4. Memory of the embedded backend

A fresh process indexes the ${thousands(r.memory.passages)} passages; memory after full garbage collections, minus before.

${table(
  ['Per 10,000 passages', 'MiB'],
  [
    ['Resident (RSS)', r.memory.rssMiBPer10kPassages],
    ['JS heap', r.memory.heapMiBPer10kPassages],
  ],
)}

## 5. Growth

The corpus replicated (distinct ids per copy). ×1 repeats the figures of sections 2–3 (for embedded: the in-process index the queries ran on); each larger size is one indexing run, then ${GROWTH_ROUNDS} rounds of the query set through the API. A size is not run when the index time estimated from the previous size exceeds the budget of ${r.settings.growthBudgetSeconds} s.

${table(
  ['Backend', 'Size', 'Passages', 'Index s', 'Passages/s', 'Query p50 ms', 'Query p99 ms'],
  [
    ...growthRows('Elasticsearch', r.growth.elasticsearch),
    ...growthRows('embedded', r.growth.embedded),
  ],
)}
`;
}
