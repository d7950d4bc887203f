// Generates src/analysis/ascii-folding.json: Lucene's ASCIIFoldingFilter mapping (every BMP
// character it folds, to its ASCII form), printed by Lucene itself from the pinned Elasticsearch
// distribution's jar, so the TypeScript asciifolding filter folds exactly as Elasticsearch does.
// Run with `npm run generate:ascii-folding` (needs a JDK >= 21; fetches the distribution once).
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { prepareDistribution } from '../tooling/elasticsearch/distribution.ts';

const distribution = await prepareDistribution(console.error);
const { stdout } = await promisify(execFile)(
  path.join(distribution.jdk.home, 'bin', 'java'),
  [
    '-cp',
    path.join(distribution.home, 'lib', '*'),
    new URL('ascii-folding/FoldingTable.java', import.meta.url).pathname,
  ],
  { maxBuffer: 10 * 1024 * 1024 },
);
const table = JSON.parse(stdout) as Record<string, string>;
await writeFile(
  new URL('../src/analysis/ascii-folding.json', import.meta.url),
  `${JSON.stringify(table, null, 1)}\n`,
);
console.log(`ascii-folding.json: ${Object.keys(table).length} characters`);
