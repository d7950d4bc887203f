// A linear classifier over string features: the tagger's model at run time, and the format of its
// checked-in weights (quantised to integers, features that never mattered pruned).
import { z } from 'zod';

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

export class LinearModel {
  private readonly weights = new Map<string, Int32Array>();

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

  toFile(about: string): ModelFile {
    const weights: Record<string, string> = {};
    for (const [feature, row] of this.weights) {
      const pairs = [...row].flatMap((weight, label) => (weight ? [`${label}:${weight}`] : []));
      if (pairs.length) weights[feature] = pairs.join(' ');
    }
    return { about, labels: [...this.labels], weights };
  }
}
