// Worker-thread pools (piscina) for work that must not hold up its caller: analysis of a large
// text in the server, reading a PDF in a run. A worker module is the .ts file run from source
// (tsx, vitest), which needs tsx loaded in the thread, and its own entry in dist/ when built
// (scripts/build.ts names them).
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { projectPath } from './project-files.ts';

const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');

export interface WorkerPoolOptions {
  threads: number;
  /** A thread keeps what it loaded (a model, a library) this long for the next task, then exits. */
  idleTimeoutMs: number;
}

/** Worker entry points of the build: name in dist/ → module under src/ (without .ts). */
export const workerEntries = {
  'analysis-worker': 'api/analysis-worker',
  'pdf-worker': 'pipeline/sources/pdf-worker',
  'complete-worker': 'pipeline/complete-worker',
} as const;

/** A pool running the default export of one worker module. */
export function workerPool<Task, Result>(
  worker: keyof typeof workerEntries,
  { threads, idleTimeoutMs }: WorkerPoolOptions,
): Piscina<Task, Result> {
  return new Piscina({
    filename: fromSource
      ? projectPath('src', `${workerEntries[worker]}.ts`)
      : projectPath('dist', `${worker}.js`),
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: idleTimeoutMs,
    execArgv: fromSource ? [...process.execArgv, '--import', 'tsx'] : process.execArgv,
  });
}
