// The similar-questions figures as a section of bench/results.md (see ./results-section.ts).
import type { Machine } from './machine.ts';

export const SIMILAR_SECTION = 'similar';

export interface SimilarQuality {
  /** Near-identical groups and their members. */
  groups: number;
  members: number;
  /** Other members found in the top 10, over min(others, 10) per member: the figure asked for. */
  recallAt10: number;
  /** Other members found in the top 10 over all other members (groups above 11 cannot reach 1). */
  uncappedRecall: number;
  rewritten: { count: number; top1: number; top5: number };
}

export interface SimilarLatency {
  drafts: number;
  calls: number;
  draftCharacters: number;
  wallP50: number;
  wallP95: number;
  cpuP50: number;
}

export interface SimilarResults {
  machine: Machine;
  passages: number;
  documents: number;
  engines: Record<string, { quality: SimilarQuality; latency: SimilarLatency }>;
  /** Mean top-10 overlap of the engines' document lists over the same drafts. */
  parity: { queries: number; meanTop10Overlap: number } | null;
  durationSeconds: number;
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

export function similarMarkdown(results: SimilarResults): string {
  const { machine } = results;
  const lines = [
    '## 6. Similar questions ("Eerder gesteld?")',
    '',
    `Measured by \`npm run bench:similar\` on ${machine.date.slice(0, 16).replace('T', ' ')} UTC in ${results.durationSeconds} s; ` +
      `load average ${machine.loadAverage} on ${machine.cores} cores when the run began. ` +
      `Corpus: dekamer, ${results.documents.toLocaleString('en')} documents, ${results.passages.toLocaleString('en')} passages.`,
    '',
    '- Near-identical groups: question bodies with word-3-gram Jaccard ≥ 0.85 (`bench/near-duplicates.ts`); for each member, the documents like it (`GET /api/documents/:id/similar`, size 10) should hold the other members (at most 10 can fit: a group of 18 counts as complete with 10 of its 17 others).',
    '- Rewritten: the drafts of `tests/similar/rewritten.json`, each a question rewritten by hand; the original should be in the first 5 (`POST /api/similar`).',
    '- Latency: drafts of 1,500 characters (the start of what a document asks) through `SearchBackend.similar`, in process (no HTTP), after a warm-up round. Wall-clock times on a loaded shared machine run well above CPU times; CPU is this process only, so for Elasticsearch it is the client side alone.',
    '',
    '| Engine | Groups (members) | Recall@10 | Uncapped recall | Rewritten: top 1 | Rewritten: top 5 | p50 ms | p95 ms | CPU p50 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [engine, { quality: q, latency: l }] of Object.entries(results.engines)) {
    lines.push(
      `| ${engine} | ${q.groups} (${q.members}) | ${pct(q.recallAt10)} | ${pct(q.uncappedRecall)} | ` +
        `${q.rewritten.top1}/${q.rewritten.count} | ${q.rewritten.top5}/${q.rewritten.count} (${pct(q.rewritten.top5 / q.rewritten.count)}) | ` +
        `${l.wallP50} | ${l.wallP95} | ${l.cpuP50} |`,
    );
  }
  if (results.parity) {
    lines.push(
      '',
      `Engine parity: mean top-10 overlap of the similar documents ${results.parity.meanTop10Overlap.toFixed(3)} over ${results.parity.queries} drafts (group members and rewritten questions).`,
    );
  }
  return lines.join('\n');
}
