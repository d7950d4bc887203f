// The CoNLL-2002 Dutch corpus (../shared/corpus/conll2002): sentences of words with IOB tags, and
// conlleval's measure: an entity counts as found only when its type and exact extent match.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spansOf, tagDocument } from './decode.ts';
import type { Scorer } from './decode.ts';

export interface LabelledSentence {
  words: string[];
  labels: string[];
  /** The article it belongs to (counted from the -DOCSTART- lines). */
  document: number;
}

/** Reads a .gz CoNLL file ("word POS tag" a line, blank line between sentences). */
export function readConll(file: string): LabelledSentence[] {
  const sentences: LabelledSentence[] = [];
  let document = 0;
  let current: LabelledSentence = { words: [], labels: [], document };
  const flush = () => {
    if (current.words.length) sentences.push(current);
    current = { words: [], labels: [], document };
  };
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    const fields = line.trim().split(' ');
    if (fields.length < 3 || fields[0] === '-DOCSTART-') {
      if (fields[0] === '-DOCSTART-') document++;
      flush();
      continue;
    }
    current.words.push(fields[0]!);
    current.labels.push(fields.at(-1)!);
  }
  flush();
  return sentences;
}

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

const key = (sentence: number, span: { type: string; start: number; end: number }) =>
  `${sentence}:${span.type}:${span.start}:${span.end}`;

/** Precision, recall and F1 per entity type and overall (type "all"), by exact span match. */
export function conllScores(gold: string[][], predicted: string[][]): Record<string, TypeScore> {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const count = (type: string) => {
    let entry = counts.get(type);
    if (!entry) counts.set(type, (entry = { gold: 0, predicted: 0, correct: 0 }));
    return entry;
  };
  gold.forEach((labels, s) => {
    const goldSpans = spansOf(labels);
    const goldKeys = new Set(goldSpans.map((span) => key(s, span)));
    for (const span of goldSpans) for (const type of [span.type, 'all']) count(type).gold++;
    for (const span of spansOf(predicted[s] ?? [])) {
      const hit = goldKeys.has(key(s, span));
      for (const type of [span.type, 'all']) {
        count(type).predicted++;
        if (hit) count(type).correct++;
      }
    }
  });
  const scores: Record<string, TypeScore> = {};
  for (const [type, { gold: g, predicted: p, correct: c }] of counts) {
    const precision = p ? c / p : 0;
    const recall = g ? c / g : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    scores[type] = { precision, recall, f1, gold: g, predicted: p, correct: c };
  }
  return scores;
}

/** The tagger's labels for every sentence, tagged article by article (see tagDocument). */
export function tagCorpus(model: Scorer, sentences: LabelledSentence[]): string[][] {
  const labels: string[][] = [];
  for (let start = 0; start < sentences.length;) {
    let end = start;
    while (end < sentences.length && sentences[end]!.document === sentences[start]!.document) end++;
    const tagged = tagDocument(
      model,
      sentences.slice(start, end).map((s) => s.words),
    );
    labels.push(...tagged.map((sentence) => sentence.map((t) => t.label)));
    start = end;
  }
  return labels;
}
