// Parses the files named on the command line and indexes their documents into a fresh embedded
// backend, then prints one JSON line: what came out, how long it took and the peak memory. Run as
// a child process, so a test can bound its time (kill it) and measure memory on its own.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDocuments } from '../../src/pipeline/pipeline.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import type { DocumentRecord } from '../../src/model/document.ts';

export interface ChildReport {
  documents: { id: string; passages: number; longestPassage: number }[];
  errors: { file: string; reason: string }[];
  indexed: number;
  parseMs: number;
  indexMs: number;
  maxRssBytes: number;
}

const started = performance.now();
const documents: DocumentRecord[] = [];
const errors: ChildReport['errors'] = [];
for await (const result of parseDocuments(process.argv.slice(2))) {
  if (result.ok) documents.push(result.document);
  else errors.push({ file: result.file, reason: result.reason });
}
const parsed = performance.now();

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-child-index-'));
try {
  const backend = await EmbeddedBackend.open({ dataDir });
  async function* all() {
    yield* documents;
  }
  const report = await backend.index(all());
  await backend.close();
  const result: ChildReport = {
    documents: documents.map((d) => ({
      id: d.id,
      passages: d.passages.length,
      longestPassage: Math.max(0, ...d.passages.map((p) => p.text.length)),
    })),
    errors,
    indexed: report.documents,
    parseMs: parsed - started,
    indexMs: performance.now() - parsed,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(result));
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
