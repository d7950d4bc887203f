// A linear classifier over string features: the tagger's model at run time, and the format of its
// checked-in weights (quantised to integers, features that never mattered pruned).
import { z } from 'zod';
import { contextFeatures, wordFeatures } from './features.ts';

export const ModelFile = z.object({
  about: z.string(),
  labels: z.array(z.string()).min(2),
  /** Feature → "labelIndex:weight labelIndex:weight …" (integer weights). */
  weights: z.record(z.string(), z.string()),
});
export type ModelFile = z.infer<typeof ModelFile>;

/** Per label, the sum of the rows of the given features (a missing feature weighs nothing). */
export function sumOfRows(
  rows: ReadonlyMap<string, ArrayLike<number>>,
  features: readonly string[],
  labels: number,
): Float64Array {
  const sums = new Float64Array(labels);
  for (const feature of features) {
    const row = rows.get(feature);
    if (row) for (let label = 0; label < labels; label++) sums[label]! += row[label]!;
  }
  return sums;
}

/** Distinct words whose own-feature sums a model keeps (cleared when full). */
const WORD_SCORES_CACHE_SIZE = 50_000;

export class LinearModel {
  private readonly weights = new Map<string, Int32Array>();
  /** Per word, the sum of its own features' rows (wordFeatures): weights are fixed, so it is kept. */
  private readonly wordScores = new Map<string, Float64Array>();

  constructor(
    readonly labels: readonly string[],
    weights: Iterable<[string, ArrayLike<number>]>,
  ) {
    for (const [feature, row] of weights) this.weights.set(feature, Int32Array.from(row));
  }

  static fromFile(file: ModelFile): LinearModel {
    const rows = Object.entries(file.weights).map(([feature, packed]): [string, Int32Array] => {
      const row = new Int32Array(file.labels.length);
      for (const pair of packed.split(' ')) {
        const [label, weight] = pair.split(':');
        row[Number(label)] = Number(weight);
      }
      return [feature, row];
    });
    return new LinearModel(file.labels, rows);
  }

  /** The sum of the features' weights per label. */
  scores(features: readonly string[]): Float64Array {
    return sumOfRows(this.weights, features, this.labels.length);
  }

  /**
   * The scores of token i given the tags before it: its word's cached sum plus its context's.
   * Weights are integers, so the sum in another order is the same number.
   */
  tokenScores(words: readonly string[], i: number, previousTags: readonly string[]): Float64Array {
    const word = words[i] ?? '';
    let own = this.wordScores.get(word);
    if (!own) {
      if (this.wordScores.size >= WORD_SCORES_CACHE_SIZE) this.wordScores.clear();
      own = this.scores(wordFeatures(word));
      this.wordScores.set(word, own);
    }
    const sums = this.scores(contextFeatures(words, i, previousTags));
    for (let label = 0; label < sums.length; label++) sums[label]! += own[label]!;
    return sums;
  }

  toFile(about: string): ModelFile {
    const weights: Record<string, string> = {};
    for (const [feature, row] of this.weights) {
      const pairs = [...row].flatMap((weight, label) => (weight ? [`${label}:${weight}`] : []));
      if (pairs.length) weights[feature] = pairs.join(' ');
    }
    return { about, labels: [...this.labels], weights };
  }
}
