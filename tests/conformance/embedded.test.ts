// The conformance suite against the embedded (Orama) backend, in a fresh data directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { conformanceSuite } from './conformance-suite.ts';

const dataDirs: string[] = [];

conformanceSuite('embedded', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-conformance-'));
  dataDirs.push(dataDir);
  return EmbeddedBackend.open({ dataDir });
});

afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});
