// `vraagbaak serve` as `npm start` runs it: the built CLI as a real process on a free port,
// embedded backend unless the environment says otherwise, its JSON log lines collected.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './corpus.ts';

export interface LogLine {
  msg: string;
  event?: string;
  [key: string]: unknown;
}

export interface Server {
  url: string;
  logs: LogLine[];
  /** The server process's id (to read its memory from /proc). */
  pid: number;
  /** Milliseconds from spawning the process to its "listening" line. */
  readyMs: number;
  stop(): Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Starts the CLI on port 0 with `env` added and waits for its "listening" line. */
export async function startServeProcess(env: Record<string, string>): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/vraagbaak.js', 'serve', '--port', '0'], {
    cwd: REPO_ROOT,
    env: { ...process.env, VRAAGBAAK_BACKEND: 'embedded', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const logs: LogLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as LogLine;
      logs.push(entry);
      if (entry.event === 'listening') resolve(entry.url as string);
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    logs,
    pid: child.pid!,
    readyMs: performance.now() - started,
    async stop() {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      running.delete(child);
      return code;
    },
  };
}

/** Kills every server still running (a failed test's); for afterAll. */
export function killServeProcesses(): void {
  for (const child of running) child.kill('SIGKILL');
}
