// Servers in processes of their own, the API as users run it (`vraagbaak serve`) first, so a load
// generator in this process does not share the server's event loop (and so does not slow it down).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { RunningServer } from './http-server.ts';

const repoRoot = new URL('..', import.meta.url).pathname;

/** Starts `vraagbaak serve --port 0` with `env` and resolves with its URL once it listens. */
export function serveApiProcess(env: Record<string, string>): Promise<RunningServer> {
  return serverProcess(['bin/vraagbaak.js', 'serve', '--port', '0'], env);
}

/**
 * Starts `node <args>` with `env` added to this process's, a server that logs a JSON line with
 * `event: 'listening'` and its `url`; resolves once it has. Closed with SIGTERM.
 */
export async function serverProcess(
  args: string[],
  env: Record<string, string>,
): Promise<RunningServer> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await listeningUrl(child);
  return {
    url,
    pid: child.pid,
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The URL a starting server (its stdout and stderr piped) logs once it listens. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { event?: string; url?: string };
      if (entry.event !== 'listening' || !entry.url) return;
      resolve(entry.url);
      // Later lines (one per request) are drained unread: an undrained pipe would stall the
      // server, and reading them would add this process's work to the times it measures.
      lines.close();
      child.stdout!.resume();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

/** User + system CPU time of process `pid` in ms (/proc/pid/stat fields 14 and 15, in ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
