// `npm run bench:startup`: how fast the command line and the server start, as a user meets them.
// Interleaved runs of each command beside a bare `node -e 0` (the floor any Node program pays);
// medians of wall and CPU time. `npm start` is timed from spawn until /api/health answers 200: on a
// fresh store (its first start, which indexes the seeds) and on the store that start left (every
// start after). CPU times come from the kernel's accounts (Linux /proc): of a command once it has
// ended, and of `npm start`'s whole process tree (npm, its shell, the server) when health answers.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/project-files.ts';
import { describeMachine } from './machine.ts';
import { median, round } from './stats.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const bin = path.join(projectRoot, 'bin', 'vraagbaak.js');

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards), or null if gone. */
function procStat(pid: number | 'self'): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

// Fields 14–17 (utime, stime, cutime, cstime) count in USER_HZ, 100 a second on Linux.
const TICK_MS = 10;

/** CPU milliseconds (user + system) of this process's children that have ended and been reaped. */
function childrenCpuMs(): number {
  const fields = procStat('self')!;
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** CPU milliseconds so far of a running process and all its descendants. */
function treeCpuMs(root: number): number {
  const children = new Map<number, number[]>();
  const own = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    const fields = Number.isInteger(pid) ? procStat(pid) : null;
    if (!fields) continue;
    const parent = Number(fields[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
    own.set(pid, fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * TICK_MS);
  }
  const sum = (pid: number): number =>
    (own.get(pid) ?? 0) + (children.get(pid) ?? []).reduce((total, child) => total + sum(child), 0);
  return sum(root);
}

function timeCommand(command: string, args: string[], input: string): Timing {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(command, args, { input, cwd: projectRoot });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpuBefore };
}

/** `npm start` on a free port: wall and CPU time of its process tree until /api/health answers. */
async function timeNpmStart(dataDir: string): Promise<Timing> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent', '--', '--port', '0'], {
    cwd: projectRoot,
    detached: true, // its own process group, so the server is stopped with npm
    env: { ...process.env, VRAAGBAAK_DATA_DIR: dataDir, VRAAGBAAK_LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  let url: string | null = null;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.includes('"event":"listening"')) url = (JSON.parse(line) as { url: string }).url;
    }
  });
  try {
    for (;;) {
      if (url) {
        const response = await fetch(`${url}/api/health`).catch(() => null);
        if (response?.ok)
          return { wallMs: performance.now() - started, cpuMs: treeCpuMs(child.pid!) };
      }
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      await sleep(5);
    }
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

const commands: Record<string, { command: string; args: string[]; input?: string }> = {
  'node -e 0': { command: process.execPath, args: ['-e', '0'] },
  'vraagbaak --help': { command: process.execPath, args: [bin, '--help'] },
  'vraagbaak analyze (one sentence)': {
    command: process.execPath,
    args: [bin, 'analyze'],
    input: 'Het agentschap VLAIO kreeg 1,5 miljoen euro voor begeleidingstrajecten.',
  },
};
const firstStart = 'npm start → /api/health, fresh store';
const restart = 'npm start → /api/health, seeds stored';

const work = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-startup-'));
try {
  const timings = new Map<string, Timing[]>(
    [...Object.keys(commands), firstStart, restart].map((name) => [name, []]),
  );
  const loadAverages: number[] = [];
  for (let run = 0; run < runs; run++) {
    loadAverages.push(os.loadavg()[0]!);
    for (const [name, { command, args, input }] of Object.entries(commands)) {
      timings.get(name)!.push(timeCommand(command, args, input ?? ''));
    }
    const dataDir = path.join(work, `data-${run}`);
    timings.get(firstStart)!.push(await timeNpmStart(dataDir));
    timings.get(restart)!.push(await timeNpmStart(dataDir));
  }
  const floor = timings.get('node -e 0')!;
  const floorWall = median(floor.map((t) => t.wallMs));
  const floorCpu = median(floor.map((t) => t.cpuMs));
  const { cores } = describeMachine(null);
  console.log(
    `startup, ${runs} interleaved runs, medians (load average ${round(Math.min(...loadAverages))}–${round(Math.max(...loadAverages))} during the runs, ${cores} cores)`,
  );
  for (const [name, list] of timings) {
    const wall = median(list.map((t) => t.wallMs));
    const cpu = median(list.map((t) => t.cpuMs));
    console.log(
      `  ${name.padEnd(38)} wall ${String(round(wall)).padStart(6)} ms (${round(wall / floorWall, 2)}× node -e 0)  ` +
        `CPU ${String(round(cpu)).padStart(6)} ms (${round(cpu / floorCpu, 2)}×)`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
