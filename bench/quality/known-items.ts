// Known-item queries built from the corpus itself: for a sampled document, its most salient words
// (tf·idf, present in 2–100 documents) typed as the document has them (the ceiling), in another
// inflection from the OpenTaal lexicon, with a compound split in two or two words joined, and with
// one typo. A query counts as found when the document, or a document with the same title, is in
// the top 10. Documents are split in a dev half (for tuning) and a test half (for reporting).
import { analyzeWith } from '../../src/analysis/analyzer.ts';
import { namedStopwords } from '../../src/analysis/stopwords.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import type { Lemma } from '../../scripts/lexicon/lemmas.ts';
import { pick, seededRandom } from './random.ts';

export const queryClasses = ['exact', 'inflection', 'split', 'joined', 'typo'] as const;
export type QueryClass = (typeof queryClasses)[number];

export interface KnownItemQuery {
  class: QueryClass;
  split: 'dev' | 'test';
  q: string;
  /** The document and its near-duplicates (same title): any of them counts as found. */
  relevant: string[];
}

const WORDS_PER_QUERY = 3;
const MIN_WORD = 5;
const MIN_PART = 4;
const stopwords = new Set(namedStopwords._dutch_);
const plainWord = /^[a-z]+$/u;

const wordsOf = (text: string) => analyzeWith('dutch_exact', text).map((t) => t.text.toLowerCase());
const documentText = (d: DocumentRecord) =>
  [d.title ?? '', ...d.passages.map((p) => p.text)].join('\n');

/** One edit a typist makes: a letter swapped with its neighbour, dropped or doubled, inside the word. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  if (kind === 1) return word.slice(0, at) + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}

export function buildKnownItems(
  documents: readonly DocumentRecord[],
  lemmas: readonly Lemma[],
  lexicon: ReadonlySet<string>,
  options: { seed: number; perSplit: number },
): KnownItemQuery[] {
  const random = seededRandom(options.seed);
  const texts = documents.map((d) => wordsOf(documentText(d)));
  const documentFrequency = new Map<string, number>();
  for (const words of texts)
    for (const w of new Set(words)) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const formsOf = new Map<string, string[]>();
  for (const lemma of lemmas) for (const form of lemma.forms) formsOf.set(form, lemma.forms);
  const byTitle = new Map<string, string[]>();
  for (const d of documents) {
    const key = (d.title ?? d.id).toLowerCase().trim();
    byTitle.set(key, [...(byTitle.get(key) ?? []), d.id]);
  }

  const order = documents.map((_, i) => i).sort(() => random() - 0.5);
  const queries: KnownItemQuery[] = [];
  const taken = { dev: 0, test: 0 };
  for (const i of order) {
    const split = i % 2 === 0 ? 'dev' : 'test';
    if (taken[split] >= options.perSplit) continue;
    const document = documents[i]!;
    const words = texts[i]!;
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const salient = [...tf]
      .filter(([w]) => w.length >= MIN_WORD && plainWord.test(w) && !stopwords.has(w))
      .filter(([w]) => {
        const df = documentFrequency.get(w) ?? 0;
        return df >= 2 && df <= 100;
      })
      .map(([w, f]) => ({ w, score: f * Math.log(documents.length / documentFrequency.get(w)!) }))
      .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
      .map(({ w }) => w);
    const chosen = salient.slice(0, WORDS_PER_QUERY);
    if (chosen.length < WORDS_PER_QUERY) continue;
    taken[split]++;
    const relevant = byTitle.get((document.title ?? document.id).toLowerCase().trim()) ?? [
      document.id,
    ];
    const add = (cls: QueryClass, q: string[] | undefined) => {
      if (q) queries.push({ class: cls, split, q: q.join(' '), relevant });
    };
    add('exact', chosen);
    // Another lexicon form of each word (a word without one is kept; at least one must change).
    const inflected = chosen.map(
      (w) =>
        pick(
          random,
          (formsOf.get(w) ?? []).filter((f) => f !== w && plainWord.test(f)),
        ) ?? w,
    );
    add('inflection', inflected.some((w, k) => w !== chosen[k]) ? inflected : undefined);
    // A compound of the document typed as two words, beside two other salient words.
    const compound = salient
      .map((w) => ({ w, cut: splitCompound(w, lexicon) }))
      .find(({ cut }) => cut);
    add(
      'split',
      compound?.cut
        ? [...compound.cut, ...chosen.filter((w) => w !== compound.w).slice(0, 2)]
        : undefined,
    );
    // Two adjacent words of the document that the lexicon writes as one.
    const pair = adjacentPair(words, lexicon, documentFrequency);
    add('joined', pair ? [pair, ...chosen.slice(0, 2)] : undefined);
    const longest = chosen.reduce((a, b) => (b.length > a.length ? b : a));
    add(
      'typo',
      chosen.map((w) => (w === longest ? typo(w, random) : w)),
    );
  }
  return queries;
}

/** The compound as two lexicon words of at least MIN_PART letters each (longest head first). */
function splitCompound(word: string, lexicon: ReadonlySet<string>): [string, string] | undefined {
  for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
    const head = word.slice(0, cut);
    const tail = word.slice(cut);
    if (lexicon.has(head) && lexicon.has(tail)) return [head, tail];
    // A linking s ("arbeid-s-markt").
    if (
      head.endsWith('s') &&
      lexicon.has(head.slice(0, -1)) &&
      lexicon.has(tail) &&
      head.length > MIN_PART
    )
      return [head.slice(0, -1), tail];
  }
  return undefined;
}

function adjacentPair(
  words: string[],
  lexicon: ReadonlySet<string>,
  df: Map<string, number>,
): string | undefined {
  for (let k = 0; k + 1 < words.length; k++) {
    const [a, b] = [words[k]!, words[k + 1]!];
    if (a.length < MIN_PART || b.length < MIN_PART || stopwords.has(a) || stopwords.has(b))
      continue;
    const joined = a + b;
    if (lexicon.has(joined) && (df.get(a) ?? 0) <= 300) return joined;
  }
  return undefined;
}
