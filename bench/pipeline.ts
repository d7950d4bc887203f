// Throughput of the indexing work per document — parse + segment (parseDocuments, which also
// detects the language and tags entities per passage) + analyze every passage — beside a bare
// pass over the same corpus: decompress, JSON-parse and tokenize question and answer with the
// standard tokenizer. Median of several runs each; the full pipeline should stay within 5×.
// Usage: npx tsx bench/pipeline.ts [--runs 3] [corpus.jsonl.gz]
import { createReadStream } from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { analyze } from '../src/analysis/analyzer.ts';
import { standardTokenize } from '../src/analysis/tokenizer.ts';
import { parseDocuments } from '../src/pipeline/pipeline.ts';
import { sharedPath } from '../tooling/shared-data.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const corpus =
  args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs') ??
  sharedPath('corpus', 'dekamer-2017.jsonl.gz');

interface Pass {
  documents: number;
  characters: number;
  tokens: number;
}

async function barePass(): Promise<Pass> {
  const pass: Pass = { documents: 0, characters: 0, tokens: 0 };
  const lines = createInterface({ input: createReadStream(corpus).pipe(createGunzip()) });
  for await (const line of lines) {
    const record = JSON.parse(line) as { question: string; answer: string | null };
    pass.documents++;
    for (const text of [record.question, record.answer ?? '']) {
      pass.characters += text.length;
      pass.tokens += standardTokenize(text).length;
    }
  }
  return pass;
}

async function fullPass(): Promise<Pass> {
  const pass: Pass = { documents: 0, characters: 0, tokens: 0 };
  for await (const result of parseDocuments([corpus])) {
    if (!result.ok) throw new Error(`${result.file}: ${result.reason}`);
    pass.documents++;
    for (const passage of result.document.passages) {
      pass.characters += passage.text.length;
      pass.tokens += analyze(passage.text).length;
    }
  }
  return pass;
}

async function measure(name: string, run: () => Promise<Pass>) {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let pass: Pass | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    pass = await run();
    times.push((performance.now() - started) / 1000);
    const cpu = process.cpuUsage(cpuAtStart);
    cpuTimes.push((cpu.user + cpu.system) / 1e6);
  }
  cpuTimes.sort((a, b) => a - b);
  const cpuMedian = cpuTimes[Math.floor(cpuTimes.length / 2)] ?? NaN;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  if (!pass) throw new Error('no runs');
  console.log(
    `${name.padEnd(44)} median ${median.toFixed(2)} s (runs: ${times.map((t) => t.toFixed(2)).join(', ')})  ` +
      `${Math.round(pass.documents / median)} documents/s  ${(pass.characters / median / 1e6).toFixed(2)} M characters/s  ` +
      `${pass.documents} documents, ${pass.tokens} tokens; CPU ${cpuMedian.toFixed(2)} s`,
  );
  return { median, cpuMedian };
}

console.log(`${corpus}, ${runs} runs each`);
const bare = await measure('bare: decompress + JSON + tokenize', barePass);
const full = await measure('full: parseDocuments (+language, entities) + analyze', fullPass);
// On a shared machine wall time follows the load; CPU time of this process does not.
const ratio = full.cpuMedian / bare.cpuMedian;
console.log(
  `full / bare = ${(full.median / bare.median).toFixed(2)}× wall, ${ratio.toFixed(2)}× CPU (limit 5×) — ` +
    `${ratio <= 5 ? 'within' : 'OVER'} the limit (load average ${os.loadavg()[0]!.toFixed(1)})`,
);
console.log(`heap used at the end: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
