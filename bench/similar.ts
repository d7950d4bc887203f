// `npm run bench:similar`: how well and how fast "Eerder gesteld?" finds earlier questions on the
// dekamer corpus — recall of near-identical groups, hand-rewritten questions, latency of a
// 1,500-character draft — on the embedded engine and (unless --backends says otherwise)
// Elasticsearch, with their top-10 overlap. Writes bench/results-similar.json and its section of
// bench/results.md. Elasticsearch: ELASTICSEARCH_URL, or a node of its own on port 9280.
import { Command } from 'commander';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentRecord } from '../src/model/document.ts';
import type { BackendName, SearchBackend } from '../src/search/backend.ts';
import { backendNames } from '../src/config.ts';
import { likeText, similarToDocument } from '../src/search/similar/like-document.ts';
import { SimilarQuery } from '../src/search/similar/similar-query.ts';
import { openBackend } from './backends.ts';
import { loadCorpus } from './corpus.ts';
import { acquireElasticsearch, type ElasticsearchNode } from './elasticsearch-node.ts';
import { describeMachine } from './machine.ts';
import { nearDuplicateGroups } from './near-duplicates.ts';
import { withSection } from './results-section.ts';
import {
  SIMILAR_SECTION,
  similarMarkdown,
  type SimilarLatency,
  type SimilarQuality,
  type SimilarResults,
} from './similar-report.ts';
import { median, round } from './stats.ts';

const ES_PORT = 9280;
const DRAFT_CHARACTERS = 1_500;
const LATENCY_DRAFTS = 50;
const RESULTS_DIR = import.meta.dirname;
const REWRITTEN = path.join(RESULTS_DIR, '..', 'tests', 'similar', 'rewritten.json');
const log = (message: string) =>
  console.error(`[bench:similar ${new Date().toISOString().slice(11, 19)}] ${message}`);

const Rewritten = z.object({
  questions: z.array(z.object({ original: z.string(), text: z.string() })).min(30),
});

/** What a document asks: the body the near-identical groups are found on. */
const questionBody = (document: DocumentRecord) =>
  document.passages
    .filter((p) => p.type === 'question' || p.type === 'context')
    .map((p) => p.text)
    .join('\n');

/** Each draft's top-10 document ids, keyed by the draft, for the parity figure. */
type TopLists = Map<string, string[]>;

async function measureQuality(
  backend: SearchBackend,
  groups: string[][],
  rewritten: z.infer<typeof Rewritten>['questions'],
): Promise<{ quality: SimilarQuality; tops: TopLists }> {
  const tops: TopLists = new Map();
  let found = 0;
  let wanted = 0;
  let others = 0;
  for (const group of groups) {
    for (const member of group) {
      const result = await similarToDocument(backend, member, { size: 10 });
      const top = result.hits.map((h) => h.documentId);
      tops.set(`document ${member}`, top);
      const rest = group.filter((id) => id !== member);
      found += rest.filter((id) => top.includes(id)).length;
      wanted += Math.min(rest.length, 10);
      others += rest.length;
    }
  }
  let top1 = 0;
  let top5 = 0;
  for (const { original, text } of rewritten) {
    const result = await backend.similar(SimilarQuery.parse({ text, size: 10 }));
    const top = result.hits.map((h) => h.documentId);
    tops.set(`draft ${original}`, top);
    if (top[0] === original) top1++;
    if (top.slice(0, 5).includes(original)) top5++;
  }
  const members = groups.reduce((sum, g) => sum + g.length, 0);
  return {
    quality: {
      groups: groups.length,
      members,
      recallAt10: round(found / wanted, 4),
      uncappedRecall: round(found / others, 4),
      rewritten: { count: rewritten.length, top1, top5 },
    },
    tops,
  };
}

/** Drafts of DRAFT_CHARACTERS: the start of what long documents ask, spread over the corpus. */
function latencyDrafts(documents: DocumentRecord[]): string[] {
  const long = documents.map(likeText).filter((text) => text.length >= DRAFT_CHARACTERS);
  const step = Math.max(1, Math.floor(long.length / LATENCY_DRAFTS));
  return long
    .filter((_, i) => i % step === 0)
    .slice(0, LATENCY_DRAFTS)
    .map((text) => text.slice(0, DRAFT_CHARACTERS));
}

async function measureLatency(
  backend: SearchBackend,
  drafts: string[],
  rounds: number,
): Promise<SimilarLatency> {
  const queries = drafts.map((text) => SimilarQuery.parse({ text, size: 10 }));
  for (const query of queries) await backend.similar(query); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await backend.similar(query);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const sorted = [...wall].sort((a, b) => a - b);
  return {
    drafts: drafts.length,
    calls: wall.length,
    draftCharacters: DRAFT_CHARACTERS,
    wallP50: round(median(wall), 2),
    wallP95: round(sorted[Math.ceil(sorted.length * 0.95) - 1]!, 2),
    cpuP50: round(median(cpu), 2),
  };
}

function meanOverlap(a: TopLists, b: TopLists): { queries: number; meanTop10Overlap: number } {
  let sum = 0;
  for (const [key, mine] of a) {
    const theirs = new Set(b.get(key) ?? []);
    const longest = Math.max(mine.length, theirs.size);
    sum += longest === 0 ? 1 : mine.filter((id) => theirs.has(id)).length / longest;
  }
  return { queries: a.size, meanTop10Overlap: round(sum / a.size, 3) };
}

interface Options {
  backends: BackendName[];
  rounds: number;
}

async function main(options: Options): Promise<void> {
  const started = performance.now();
  const machine = describeMachine(null);
  log(`load average ${machine.loadAverage}; parsing the dekamer corpus`);
  const { documents, passages } = await loadCorpus();
  const groups = nearDuplicateGroups(documents.map((d) => ({ id: d.id, text: questionBody(d) })));
  const rewritten = Rewritten.parse(JSON.parse(await readFile(REWRITTEN, 'utf8'))).questions;
  const drafts = latencyDrafts(documents);
  log(
    `${documents.length} documents, ${passages} passages, ${groups.length} near-identical groups`,
  );

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-bench-similar-'));
  let node: ElasticsearchNode | null = null;
  const engines: SimilarResults['engines'] = {};
  const tops = new Map<string, TopLists>();
  try {
    for (const name of options.backends) {
      if (name === 'elasticsearch') {
        node = await acquireElasticsearch('bench-similar', ES_PORT, '1g', log);
        machine.elasticsearch = node.version;
      }
      const backend = await openBackend(name, {
        dataDir: path.join(workDir, name),
        elasticsearchUrl: node?.url,
        run: 'bench-similar',
      });
      try {
        log(`${name}: indexing`);
        await backend.index(
          (async function* () {
            yield* documents;
          })(),
          { mode: 'rebuild' },
        );
        log(`${name}: quality (${groups.flat().length} group members, ${rewritten.length} drafts)`);
        const { quality, tops: engineTops } = await measureQuality(backend, groups, rewritten);
        tops.set(name, engineTops);
        log(`${name}: latency (${drafts.length} drafts × ${options.rounds} rounds)`);
        const latency = await measureLatency(backend, drafts, options.rounds);
        engines[name] = { quality, latency };
        log(`${name}: ${JSON.stringify(engines[name])}`);
      } finally {
        await backend.clear();
        await backend.close();
      }
    }
  } finally {
    await node?.release();
    await rm(workDir, { recursive: true, force: true });
  }
  const embeddedTops = tops.get('embedded');
  const elasticsearchTops = tops.get('elasticsearch');
  const results: SimilarResults = {
    machine,
    passages,
    documents: documents.length,
    engines,
    parity: embeddedTops && elasticsearchTops ? meanOverlap(embeddedTops, elasticsearchTops) : null,
    durationSeconds: round((performance.now() - started) / 1000, 0),
  };
  await writeFile(
    path.join(RESULTS_DIR, 'results-similar.json'),
    JSON.stringify(results, null, 2) + '\n',
  );
  const resultsMd = path.join(RESULTS_DIR, 'results.md');
  const current = await readFile(resultsMd, 'utf8');
  await writeFile(resultsMd, withSection(current, SIMILAR_SECTION, similarMarkdown(results)));
  console.log(similarMarkdown(results));
}

const program = new Command('bench:similar')
  .description('measure the similar-questions search; write bench/results-similar.json')
  .option(
    '--backends <names>',
    'engines to measure, comma-separated',
    (value: string) =>
      value.split(',').map((name) => {
        if (!(backendNames as readonly string[]).includes(name))
          throw new Error(`unknown backend "${name}"`);
        return name as BackendName;
      }),
    ['embedded', 'elasticsearch'] as BackendName[],
  )
  .option('--rounds <n>', 'rounds of the latency drafts', (value: string) => Number(value), 5)
  .action(main);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`bench:similar: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
}
