// A real embedded backend in a temporary data directory, holding the five seeds, behind the app.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp } from '../../src/api/app.ts';
import { readConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/logger.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import { parseDocuments } from '../../src/pipeline/pipeline.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
import { createBackend } from '../../src/search/create-backend.ts';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const seedsDir = path.join(repoRoot, 'seeds');

export async function parseSeeds(paths: string[] = [seedsDir]): Promise<DocumentRecord[]> {
  const documents: DocumentRecord[] = [];
  for await (const result of parseDocuments(paths)) {
    if (!result.ok) throw new Error(`seed ${result.file} did not parse: ${result.reason}`);
    documents.push(result.document);
  }
  return documents;
}

export interface SeededApp {
  app: Express;
  backend: SearchBackend;
  seeds: DocumentRecord[];
  /** The embedded store's directory (what VRAAGBAAK_DATA_DIR would name). */
  dataDir: string;
  close(): Promise<void>;
}

export async function openSeededApp(): Promise<SeededApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-api-'));
  const backend = await createBackend(readConfig({ backend: 'embedded', dataDir }, {}));
  const seeds = await parseSeeds();
  const report = await backend.index(
    (async function* () {
      yield* seeds;
    })(),
  );
  if (report.failures.length > 0)
    throw new Error(`seeds failed to index: ${JSON.stringify(report)}`);
  return {
    app: createApp({ backend, logger: silentLogger() }),
    backend,
    seeds,
    dataDir,
    async close() {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
