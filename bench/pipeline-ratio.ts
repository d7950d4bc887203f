// Section 1 of the benchmark: bench/pipeline.ts (the analysis side's script: full pipeline beside
// a bare tokenization pass) run as a child process, its printed medians taken over. It is a
// script rather than a module, so running it is the way to reuse it without copying it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const script = path.join(import.meta.dirname, 'pipeline.ts');

export interface PipelineRatio {
  bareSeconds: number;
  fullSeconds: number;
  ratio: number;
  /** The script's own report, verbatim. */
  output: string[];
}

function medianOf(output: string, pass: 'bare' | 'full'): number {
  const match = new RegExp(`^${pass}:.*?median ([\\d.]+) s`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`bench/pipeline.ts printed no ${pass} median:\n${output}`);
  return Number(match[1]);
}

export async function measurePipelineRatio(runs: number): Promise<PipelineRatio> {
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', script, '--runs', String(runs)],
    { maxBuffer: 1024 * 1024 },
  );
  const bareSeconds = medianOf(stdout, 'bare');
  const fullSeconds = medianOf(stdout, 'full');
  return {
    bareSeconds,
    fullSeconds,
    ratio: Number((fullSeconds / bareSeconds).toFixed(2)),
    output: stdout.trim().split('\n'),
  };
}
