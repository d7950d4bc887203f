// `npm run bench:startup`: how fast the command line and the server start, as a user meets them.
// Interleaved runs of each command beside a bare `node -e 0` (the floor any Node program pays);
// medians of wall and CPU time. The server is timed from spawn until /api/health answers 200, on a
// store that already holds the seeds (the warm case `npm start` meets after its first run).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../src/project-files.ts';
import { describeMachine } from './machine.ts';
import { median, round } from './stats.ts';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const bin = path.join(projectRoot, 'bin', 'vraagbaak.js');
const probe = path.join(projectRoot, 'bench', 'cpu-probe.mjs');

interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function timeNode(args: string[], input: string, cpuFile: string): Promise<Timing> {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', probe, ...args], {
    input,
    cwd: projectRoot,
    env: { ...process.env, CPU_PROBE_FILE: cpuFile },
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: ${result.stderr.toString()}`);
  return { wallMs, cpuMs: Number(await readFile(cpuFile, 'utf8')) };
}

async function serveToHealthMs(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    cwd: projectRoot,
    env: { ...process.env, VRAAGBAAK_DATA_DIR: dataDir, VRAAGBAAK_LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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
        if (response?.ok) return performance.now() - started;
      }
      if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
      await sleep(5);
    }
  } finally {
    child.kill('SIGTERM');
  }
}

const commands: Record<string, { args: string[]; input?: string }> = {
  'node -e 0': { args: ['-e', '0'] },
  'vraagbaak --help': { args: [bin, '--help'] },
  'vraagbaak analyze (one sentence)': {
    args: [bin, 'analyze'],
    input: 'Het agentschap VLAIO kreeg 1,5 miljoen euro voor begeleidingstrajecten.',
  },
};

const work = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-startup-'));
try {
  const cpuFile = path.join(work, 'cpu');
  const dataDir = path.join(work, 'data');
  await serveToHealthMs(dataDir); // first start indexes the seeds; the runs below start warm
  const timings = new Map<string, Timing[]>(Object.keys(commands).map((name) => [name, []]));
  const serve: number[] = [];
  for (let run = 0; run < runs; run++) {
    for (const [name, { args, input }] of Object.entries(commands)) {
      timings.get(name)!.push(await timeNode(args, input ?? '', cpuFile));
    }
    serve.push(await serveToHealthMs(dataDir));
  }
  const floor = timings.get('node -e 0')!;
  const floorWall = median(floor.map((t) => t.wallMs));
  const floorCpu = median(floor.map((t) => t.cpuMs));
  const { loadAverage, cores } = describeMachine(null);
  console.log(
    `startup, ${runs} interleaved runs, medians (load average ${loadAverage} on ${cores} cores)`,
  );
  for (const [name, list] of timings) {
    const wall = median(list.map((t) => t.wallMs));
    const cpu = median(list.map((t) => t.cpuMs));
    console.log(
      `  ${name.padEnd(34)} wall ${round(wall)} ms (${round(wall / floorWall, 2)}× node -e 0)  ` +
        `CPU ${round(cpu)} ms (${round(cpu / floorCpu, 2)}×)`,
    );
  }
  console.log(`  ${'npm start → /api/health (seeds)'.padEnd(34)} wall ${round(median(serve))} ms`);
} finally {
  await rm(work, { recursive: true, force: true });
}
