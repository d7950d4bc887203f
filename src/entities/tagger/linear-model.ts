// A linear classifier over string features: the tagger's model at run time, and the format of its
// checked-in weights (quantised to integers, features that never mattered pruned).
import { z } from 'zod';
import { contextFeatures, wordFeatures } from './features.ts';

/** One feature's row as written: "labelIndex:weight labelIndex:weight …" (integer weights). */
const PackedRow = /^\d+:-?\d+( \d+:-?\d+)*$/;

export const ModelFile = z.object({
  about: z.string(),
  labels: z.array(z.string()).min(2),
  /**
   * Feature → packed row. Each row is checked when it is unpacked (see LinearModel): checking all
   * 60,000 here cost 70 ms of CPU at every start for rows a short text never reads.
   */
  weights: z.custom<Record<string, string>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'an object of packed rows',
  ),
});
export type ModelFile = z.infer<typeof ModelFile>;

/** Feature → its row of weights per label; absent for a feature the model never weighed. */
export interface Rows {
  get(feature: string): ArrayLike<number> | undefined;
}

/** Per label, the sum of the rows of the given features (a missing feature weighs nothing). */
export function sumOfRows(rows: Rows, features: readonly string[], labels: number): Float64Array {
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
  /**
   * A model read from a file keeps each feature's row packed until a text needs it: tagging a
   * sentence looks up a few hundred of its 60,000 features, and unpacking them all took 250 ms of
   * CPU at every start of `vraagbaak analyze` and of each indexing worker.
   */
  private readonly packed: Readonly<Record<string, string>>;
  /** Per word, the sum of its own features' rows (wordFeatures): weights are fixed, so it is kept. */
  private readonly wordScores = new Map<string, Float64Array>();

  constructor(
    readonly labels: readonly string[],
    weights: Iterable<[string, ArrayLike<number>]>,
    packed: Readonly<Record<string, string>> = {},
  ) {
    for (const [feature, row] of weights) this.weights.set(feature, Int32Array.from(row));
    this.packed = packed;
  }

  static fromFile(file: ModelFile): LinearModel {
    return new LinearModel(file.labels, [], file.weights);
  }

  private row(feature: string): Int32Array | undefined {
    let row = this.weights.get(feature);
    if (row || !Object.hasOwn(this.packed, feature)) return row;
    const packed = this.packed[feature];
    if (typeof packed !== 'string' || !PackedRow.test(packed))
      throw new Error(`the model's row for ${JSON.stringify(feature)} is not "label:weight …"`);
    row = new Int32Array(this.labels.length);
    for (const pair of packed.split(' ')) {
      const [label, weight] = pair.split(':');
      row[Number(label)] = Number(weight);
    }
    this.weights.set(feature, row);
    return row;
  }

  /** The sum of the features' weights per label. */
  scores(features: readonly string[]): Float64Array {
    return sumOfRows({ get: (feature) => this.row(feature) }, features, this.labels.length);
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
    for (const feature of new Set([...Object.keys(this.packed), ...this.weights.keys()])) {
      const row = this.row(feature)!;
      const pairs = [...row].flatMap((weight, label) => (weight ? [`${label}:${weight}`] : []));
      if (pairs.length) weights[feature] = pairs.join(' ');
    }
    return { about, labels: [...this.labels], weights };
  }
}
