// `npm run bench:relaxed`: what relaxed matching does for known-item queries on the embedded
// engine. From the dekamer corpus, `--documents` documents drawn with a fixed seed; per document
// queries of `--words` salient words (rarest in the corpus, as written) of its first question:
//   exact   the words as the document has them
//   typo    one word (of ≥ 5 letters, not its first letter) with one random edit
//   spread  two words of the question and one of the answer (no passage needs to hold all three)
// each searched with groupBy=document. "Strict" is the same result without relaxation: relaxing
// only happens when the strict search found nothing (RELAX_WHEN_FEWER_THAN = 1), so a relaxed
// result stands for zero strict hits. Reports zero-result rate, recall@10 and MRR@10 per class.
import { Command, InvalidArgumentError } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { analyzeWith } from '../src/analysis/analyzer.ts';
import type { DocumentRecord } from '../src/model/document.ts';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';
import { RELAX_WHEN_FEWER_THAN } from '../src/search/relaxed-matching.ts';
import { SearchQuery } from '../src/search/query.ts';
import { loadCorpus } from './corpus.ts';
import { round } from './stats.ts';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a positive integer');
  return n;
};

/** mulberry32: a small seeded generator, so every run draws the same queries. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of a text as written (letters only, at least 4), lowercased, without stopwords. */
function contentWords(text: string): string[] {
  const stemmed = new Set(
    analyzeWith('dutch_text', text).flatMap((t) => (t.term === null ? [] : [t.start])),
  );
  return analyzeWith('dutch_exact', text)
    .filter((t) => stemmed.has(t.start) && /^\p{L}{4,}$/u.test(t.text))
    .map((t) => t.text.toLowerCase());
}

/** One random edit (substitute, delete, insert, swap neighbours) after the first letter. */
function typo(word: string, random: () => number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = letters[Math.floor(random() * letters.length)]!;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + (letter === word[at] ? 'q' : letter) + word.slice(at + 1);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + letter + word.slice(at);
    default:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
}

interface KnownItem {
  documentId: string;
  queries: Record<'exact' | 'typo' | 'spread', string | null>;
}

function knownItems(
  documents: DocumentRecord[],
  count: number,
  words: number,
  random: () => number,
): KnownItem[] {
  const documentFrequency = new Map<string, number>();
  for (const document of documents)
    for (const word of new Set(document.passages.flatMap((p) => contentWords(p.text))))
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  // Salient: the rarest words that still occur in more than one document (not a one-off token).
  const salient = (text: string, n: number) =>
    [...new Set(contentWords(text))]
      .filter((w) => documentFrequency.get(w)! > 1)
      .sort((a, b) => documentFrequency.get(a)! - documentFrequency.get(b)! || (a < b ? -1 : 1))
      .slice(0, n);
  const candidates = documents.filter((d) => d.passages.some((p) => p.type === 'question'));
  const items: KnownItem[] = [];
  while (items.length < count && candidates.length > 0) {
    const [document] = candidates.splice(Math.floor(random() * candidates.length), 1);
    const question = document!.passages.find((p) => p.type === 'question')!;
    const answer = document!.passages.find((p) => p.type === 'answer');
    const exact = salient(question.text, words);
    if (exact.length < words) continue;
    const long = exact.filter((w) => w.length >= 5);
    const changed = long[Math.floor(random() * long.length)];
    const fromAnswer = answer ? salient(answer.text, words).find((w) => !exact.includes(w)) : null;
    items.push({
      documentId: document!.id,
      queries: {
        exact: exact.join(' '),
        typo: changed ? exact.map((w) => (w === changed ? typo(w, random) : w)).join(' ') : null,
        spread: fromAnswer ? [...exact.slice(0, words - 1), fromAnswer].join(' ') : null,
      },
    });
  }
  return items;
}

interface Figures {
  queries: number;
  zeroResults: number;
  recallAt10: number;
  mrrAt10: number;
}

function figures(ranks: (number | null)[], zero: boolean[]): Figures {
  const n = ranks.length;
  return {
    queries: n,
    zeroResults: round(zero.filter(Boolean).length / n, 3),
    recallAt10: round(ranks.filter((r) => r !== null).length / n, 3),
    mrrAt10: round(ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / n, 3),
  };
}

async function main(): Promise<void> {
  const options = new Command()
    .option('--documents <n>', 'known items drawn', positive, 200)
    .option('--words <n>', 'words per query', positive, 3)
    .option('--seed <n>', 'seed of the draw', positive, 11)
    .parse()
    .opts<{ documents: number; words: number; seed: number }>();
  const { documents } = await loadCorpus();
  const items = knownItems(documents, options.documents, options.words, seeded(options.seed));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-bench-relaxed-'));
  try {
    const backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(
      (async function* () {
        yield* documents;
      })(),
      { mode: 'rebuild' },
    );
    const report: Record<string, { strict: Figures; relaxed: Figures; relaxedBy: object }> = {};
    for (const kind of ['exact', 'typo', 'spread'] as const) {
      const strictRanks: (number | null)[] = [];
      const relaxedRanks: (number | null)[] = [];
      const strictZero: boolean[] = [];
      const relaxedZero: boolean[] = [];
      const relaxedBy: Record<string, number> = {};
      for (const item of items) {
        const q = item.queries[kind];
        if (q === null) continue;
        const result = await backend.search(
          SearchQuery.parse({ q, groupBy: 'document', size: 10, facets: false }),
        );
        const index = result.hits.findIndex((hit) => hit.documentId === item.documentId);
        const rank = index === -1 ? null : index + 1;
        relaxedRanks.push(rank);
        relaxedZero.push(result.total === 0);
        const wasRelaxed = result.relaxed !== undefined;
        if (wasRelaxed)
          relaxedBy[result.relaxed!.kind] = (relaxedBy[result.relaxed!.kind] ?? 0) + 1;
        strictRanks.push(wasRelaxed ? null : rank);
        strictZero.push(wasRelaxed || result.total === 0);
      }
      report[kind] = {
        strict: figures(strictRanks, strictZero),
        relaxed: figures(relaxedRanks, relaxedZero),
        relaxedBy,
      };
    }
    console.log(
      JSON.stringify(
        {
          corpus: `${documents.length} dekamer documents`,
          knownItems: items.length,
          seed: options.seed,
          wordsPerQuery: options.words,
          relaxWhenFewerThan: RELAX_WHEN_FEWER_THAN,
          report,
        },
        null,
        2,
      ),
    );
    await backend.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
