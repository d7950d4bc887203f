// Training of the tagger's linear model: a multi-class perceptron whose weights are averaged over
// every update (Collins 2002), which generalises far better than the last weights.
import { tokenFeatures } from './features.ts';
import { LinearModel, sumOfRows } from './linear-model.ts';

export class AveragedPerceptron {
  private readonly weights = new Map<string, Float64Array>();
  /** Per feature and label: the sum of the weight over all steps so far, up to `stamps`. */
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private step = 0;

  constructor(readonly labels: readonly string[]) {}

  private row(map: Map<string, Float64Array>, feature: string): Float64Array {
    let row = map.get(feature);
    if (!row) map.set(feature, (row = new Float64Array(this.labels.length)));
    return row;
  }

  scores(features: readonly string[]): Float64Array {
    return sumOfRows(this.weights, features, this.labels.length);
  }

  tokenScores(words: readonly string[], i: number, previousTags: readonly string[]): Float64Array {
    return this.scores(tokenFeatures(words, i, previousTags));
  }

  /** One training example seen: move weight from the guessed label to the true one. */
  update(truth: number, guess: number, features: readonly string[]): void {
    this.step++;
    if (truth === guess) return;
    for (const feature of features) {
      const weights = this.row(this.weights, feature);
      const totals = this.row(this.totals, feature);
      const stamps = this.row(this.stamps, feature);
      for (const [label, delta] of [
        [truth, 1],
        [guess, -1],
      ] as const) {
        totals[label]! += (this.step - stamps[label]!) * weights[label]!;
        stamps[label] = this.step;
        weights[label]! += delta;
      }
    }
  }

  /**
   * The averaged weights, scaled to integers with `precision` steps per unit of the largest
   * weight and rounded; weights that round to zero are dropped (that is the pruning).
   */
  averaged(precision: number): LinearModel {
    const averages = new Map<string, Float64Array>();
    let largest = 0;
    for (const [feature, weights] of this.weights) {
      const totals = this.totals.get(feature)!;
      const stamps = this.stamps.get(feature)!;
      const average = weights.map(
        (weight, label) => (totals[label]! + (this.step - stamps[label]!) * weight) / this.step,
      );
      for (const value of average) largest = Math.max(largest, Math.abs(value));
      averages.set(feature, average);
    }
    const scale = precision / (largest || 1);
    const rows: [string, number[]][] = [];
    for (const [feature, average] of averages) {
      const row = [...average].map((value) => Math.round(value * scale));
      if (row.some((value) => value !== 0)) rows.push([feature, row]);
    }
    return new LinearModel(this.labels, rows);
  }
}
