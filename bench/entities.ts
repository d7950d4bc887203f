// `npm run bench:entities`: the entity tagger on the CoNLL-2002 Dutch development set (ned.testa),
// precision, recall and F1 per type by exact span match (as conlleval), its speed in words per
// second (median of 3 passes over the set), and the time to tag one passage.
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { conllScores, readConll, tagCorpus } from '../src/entities/tagger/conll.ts';
import { loadedModel } from '../src/entities/tagger/entity-tagger.ts';
import { tagEntities } from '../src/entities/tag.ts';
import { createApp } from '../src/api/app.ts';
import { parseDocuments } from '../src/pipeline/pipeline.ts';
import { EmbeddedBackend } from '../src/search/embedded/embedded-backend.ts';
import { pino } from 'pino';
import { readSample } from './organisation-sample.ts';
import { sharedPath } from '../tooling/shared-data.ts';

const corpus = sharedPath('corpus', 'conll2002');
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
const medianPass = timings.sort((a, b) => a - b)[1]!;
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
  `speed: ${Math.round(words / (medianPass / 1000))} words/s (median of 3, ${medianPass.toFixed(0)} ms)`,
);

// Tagging the passages of the hand-annotated sample: in process, and through POST /api/analyze
// on a real HTTP server (an empty embedded index behind it; analyze does not search).
const texts = await passageTexts(new Set(readSample().map((a) => a.passage)));
tagEntities(texts[0] ?? '');
const inProcess = texts.map((text) => {
  const started = performance.now();
  tagEntities(text);
  return performance.now() - started;
});
const dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-bench-entities-'));
const backend = await EmbeddedBackend.open({ dataDir });
const server = createApp({ backend, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;
const overHttp: number[] = [];
for (const text of texts) {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/analyze`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  await response.json();
  overHttp.push(performance.now() - started);
}
server.close();
await backend.close();
await rm(dataDir, { recursive: true, force: true });
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
console.log(
  `tagging ${texts.length} sample passages (median ${median(texts.map((t) => t.length))} characters): ` +
    `in process median ${median(inProcess).toFixed(2)} ms, p95 ${p95(inProcess).toFixed(2)} ms; ` +
    `POST /api/analyze median ${median(overHttp).toFixed(2)} ms, p95 ${p95(overHttp).toFixed(2)} ms`,
);

async function passageTexts(ids: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for await (const result of parseDocuments([
    path.resolve(import.meta.dirname, '../seeds'),
    path.join(corpus, '../dekamer-2017.jsonl.gz'),
  ])) {
    if (!result.ok) continue;
    for (const passage of result.document.passages)
      if (ids.has(passage.id)) found.push(passage.text);
  }
  return found;
}
