// Vitest global setup: decides whether Elasticsearch tests can run and, if a test needs a node,
// stops the one that was started for this run (tests start it lazily: see elasticsearch.ts).
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { stopCluster } from '../../tooling/elasticsearch/cluster.ts';
import { missingPrerequisite } from '../../tooling/elasticsearch/distribution.ts';
import { RUNS_DIR, RUN_DIR_PREFIX, readRunSpec } from './elasticsearch-run.ts';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function stopRun(runDir: string): Promise<void> {
  const spec = await readRunSpec(runDir).catch(() => null);
  if (spec) await stopCluster(spec);
  await rm(runDir, { recursive: true, force: true });
}

/** Nodes of earlier runs that were killed before their teardown (their vitest pid is gone). */
async function stopAbandonedRuns(): Promise<void> {
  const names = await readdir(RUNS_DIR).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(RUN_DIR_PREFIX.length));
    if (name.startsWith(RUN_DIR_PREFIX) && pid !== process.pid && !isProcessAlive(pid)) {
      await stopRun(path.join(RUNS_DIR, name));
    }
  }
}

export default async function setup(project: TestProject) {
  const externalUrl = process.env.ELASTICSEARCH_URL ?? null;
  project.provide('elasticsearchUrl', externalUrl);
  project.provide('elasticsearchRunDir', null);
  project.provide('elasticsearchSkipReason', null);
  if (externalUrl) return;

  const reason = await missingPrerequisite();
  if (reason) {
    if (process.env.VRAAGBAAK_REQUIRE_ES === '1') {
      throw new Error(`VRAAGBAAK_REQUIRE_ES=1 but Elasticsearch cannot run here: ${reason}`);
    }
    console.warn(
      `\n${'!'.repeat(78)}\n!! Elasticsearch tests are SKIPPED: ${reason}\n` +
        `!! Set ELASTICSEARCH_URL to use a running cluster, or VRAAGBAAK_REQUIRE_ES=1 to fail instead.\n${'!'.repeat(78)}\n`,
    );
    project.provide('elasticsearchSkipReason', reason);
    return;
  }

  await stopAbandonedRuns();
  const runDir = path.join(RUNS_DIR, `${RUN_DIR_PREFIX}${process.pid}`);
  project.provide('elasticsearchRunDir', runDir);
  return async () => {
    await stopRun(runDir);
  };
}
