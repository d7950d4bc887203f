// `npm run train:entities`: trains the entity tagger (averaged perceptron, greedy BIO decoding)
// on CoNLL-2002 Dutch ned.train, picks the number of passes and the pruning on ned.testa, and
// writes the weights to src/entities/data/entity-model.json.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AveragedPerceptron } from '../src/entities/tagger/averaged-perceptron.ts';
import { conllScores, readConll, type LabelledSentence } from '../src/entities/tagger/conll.ts';
import { tagWords, type Scorer } from '../src/entities/tagger/decode.ts';
import { tokenFeatures } from '../src/entities/tagger/features.ts';
import { LinearModel, type ModelFile } from '../src/entities/tagger/linear-model.ts';
import { modelPath } from '../src/entities/tagger/entity-tagger.ts';
import { sharedPath } from '../tooling/shared-data.ts';

const corpus = sharedPath('corpus', 'conll2002');
const MAX_PASSES = 10;
/** Integer steps for the largest weight: enough that rounding costs no accuracy. */
const PRECISION = 2000;

const train = readConll(path.join(corpus, 'ned.train.gz'));
const dev = readConll(path.join(corpus, 'ned.testa.gz'));
const labels = [...new Set(train.flatMap((s) => s.labels))].sort();

/** A fixed shuffle (xorshift), so training is reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const j = Math.abs(state) % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const evaluate = (model: Scorer, sentences: LabelledSentence[]) =>
  conllScores(
    sentences.map((s) => s.labels),
    sentences.map((s) => tagWords(model, s.words).map((t) => t.label)),
  );

const perceptron = new AveragedPerceptron(labels);
const labelIndex = new Map(labels.map((label, i) => [label, i]));
let best = { passes: 0, f1: -1, model: null as LinearModel | null };
for (let pass = 1; pass <= MAX_PASSES; pass++) {
  const started = Date.now();
  for (const sentence of shuffled(train, pass)) {
    const tags: string[] = [];
    sentence.words.forEach((_, i) => {
      const features = tokenFeatures(sentence.words, i, tags);
      const scores = perceptron.scores(features);
      let guess = 0;
      for (let l = 1; l < scores.length; l++) if (scores[l]! > scores[guess]!) guess = l;
      perceptron.update(labelIndex.get(sentence.labels[i]!)!, guess, features);
      tags.push(labels[guess]!);
    });
  }
  const model = perceptron.averaged(PRECISION);
  const f1 = evaluate(model, dev).all!.f1;
  console.log(
    `pass ${pass}: dev F1 ${f1.toFixed(4)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (f1 > best.f1) best = { passes: pass, f1, model };
  else if (pass - best.passes >= 3) break;
}

// The perceptron calls an unknown capitalised word a person too readily: lower the B-PER bias by
// the amount that gives the best overall F1 on ned.testa.
function withPersonBias(file: ModelFile, delta: number): ModelFile {
  const personLabel = file.labels.indexOf('B-PER');
  const row = new Map(
    (file.weights.bias ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => pair.split(':').map(Number) as [number, number]),
  );
  row.set(personLabel, (row.get(personLabel) ?? 0) + delta);
  return {
    ...file,
    weights: { ...file.weights, bias: [...row].map(([l, w]) => `${l}:${w}`).join(' ') },
  };
}
let full = best.model!.toFile('');
let bestBias = { delta: 0, f1: best.f1 };
for (const delta of [-100, -200, -300, -400, -500, -600]) {
  const f1 = evaluate(LinearModel.fromFile(withPersonBias(full, delta)), dev).all!.f1;
  console.log(`B-PER bias ${delta}: dev F1 ${f1.toFixed(4)}`);
  if (f1 > bestBias.f1) bestBias = { delta, f1 };
}
full = withPersonBias(full, bestBias.delta);

// Pruning: drop small weights while the dev F1 stays within 0.005 of the unpruned model.
let chosen = { threshold: 0, file: full };
for (const threshold of [16, 32, 64, 100, 150, 200, 300]) {
  const weights: Record<string, string> = {};
  for (const [feature, packed] of Object.entries(full.weights)) {
    const kept = packed
      .split(' ')
      .filter((pair) => Math.abs(Number(pair.split(':')[1])) >= threshold);
    if (kept.length) weights[feature] = kept.join(' ');
  }
  const file = { ...full, weights };
  const f1 = evaluate(LinearModel.fromFile(file), dev).all!.f1;
  console.log(
    `prune |w| < ${threshold}: ${Object.keys(weights).length} features, dev F1 ${f1.toFixed(4)}`,
  );
  if (f1 < bestBias.f1 - 0.005) break;
  chosen = { threshold, file };
}

const about =
  `Entity tagger weights: averaged perceptron trained by scripts/train-entities.ts on CoNLL-2002 ` +
  `Dutch ned.train (${train.length} sentences), ${best.passes} passes and a B-PER bias of ${bestBias.delta} chosen on ned.testa; ` +
  `weights scaled to integers (largest ${PRECISION}), those below ${chosen.threshold} pruned.`;
const json = JSON.stringify({ ...chosen.file, about });
writeFileSync(modelPath, json);
console.log(
  `wrote ${modelPath}: ${(json.length / 1024).toFixed(0)} KiB, ${Object.keys(chosen.file.weights).length} features`,
);
