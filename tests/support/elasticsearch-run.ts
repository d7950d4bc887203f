// State shared by the vitest global setup (main process) and the test workers: one lazily started
// Elasticsearch node per test run, recorded in a run directory so any worker can find or stop it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ClusterSpec } from '../../tooling/elasticsearch/cluster.ts';
import { CACHE_DIR } from '../../tooling/elasticsearch/distribution.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set when ELASTICSEARCH_URL points at an existing cluster: tests use it, nothing is started. */
    elasticsearchUrl: string | null;
    /** Why Elasticsearch tests are skipped on this machine, or null. */
    elasticsearchSkipReason: string | null;
    /** Directory of this run's lazily started node (see ensureRunNode). */
    elasticsearchRunDir: string | null;
  }
}

export const RUNS_DIR = path.join(CACHE_DIR, 'clusters');
export const RUN_DIR_PREFIX = 'vitest-';

export const runFiles = (runDir: string) => ({
  /** Created (mkdir) by the one worker that starts the node. */
  startLock: path.join(runDir, 'starting'),
  spec: path.join(runDir, 'cluster.json'),
  url: path.join(runDir, 'url'),
  error: path.join(runDir, 'error'),
});

const ClusterSpecSchema = z.object({
  dir: z.string(),
  name: z.string(),
  nodes: z.number().int().positive(),
  httpPort: z.number().int().positive(),
  transportPort: z.number().int().positive(),
});

/** The node this run started, if any. */
export async function readRunSpec(runDir: string): Promise<ClusterSpec | null> {
  const file = runFiles(runDir).spec;
  if (!existsSync(file)) return null;
  return ClusterSpecSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}
