// `npm run bench:entities`: the entity tagger on the CoNLL-2002 Dutch development set (ned.testa),
// precision, recall and F1 per type by exact span match (as conlleval), and its speed in words
// per second (median of 3 passes over the set).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { conllScores, readConll, tagCorpus } from '../src/entities/tagger/conll.ts';
import { loadedModel } from '../src/entities/tagger/entity-tagger.ts';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus/conll2002');
const dev = readConll(path.join(corpus, 'ned.testa.gz'));
const model = loadedModel();

const timings: number[] = [];
let predicted: string[][] = [];
for (let run = 0; run < 3; run++) {
  const started = performance.now();
  predicted = tagCorpus(model, dev);
  timings.push(performance.now() - started);
}
const words = dev.reduce((n, s) => n + s.words.length, 0);
const median = timings.sort((a, b) => a - b)[1]!;
const scores = conllScores(
  dev.map((s) => s.labels),
  predicted,
);

const pct = (value: number) => (100 * value).toFixed(1).padStart(5);
console.log(`ned.testa: ${dev.length} sentences, ${words} words`);
console.log('type   precision  recall     F1   gold  found  right');
for (const type of ['ORG', 'PER', 'LOC', 'MISC', 'all']) {
  const s = scores[type]!;
  console.log(
    `${type.padEnd(5)}  ${pct(s.precision)}     ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.gold).padStart(5)}  ${String(s.predicted).padStart(5)}  ${String(s.correct).padStart(5)}`,
  );
}
console.log(
  `speed: ${Math.round(words / (median / 1000))} words/s (median of 3, ${median.toFixed(0)} ms)`,
);
