// Named corpora: pipelines/<name>.json lists the paths of one corpus, so the CLI, benchmarks and
// tests say "dekamer" instead of repeating paths. Paths are relative to the job file's folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { projectPath } from '../project-files.ts';

export const PipelineJob = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  paths: z.array(z.string().min(1)).min(1),
});
export type PipelineJob = z.infer<typeof PipelineJob>;

export const pipelinesFolder = projectPath('pipelines');

/**
 * Loads a job by name ("seeds" → pipelines/seeds.json) or by file path; returns its paths made
 * absolute. Throws with the file and the reason when the job is missing or invalid.
 */
export async function loadPipelineJob(nameOrFile: string): Promise<PipelineJob> {
  const file = /[\\/]|\.json$/.test(nameOrFile)
    ? path.resolve(nameOrFile)
    : path.join(pipelinesFolder, `${nameOrFile}.json`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`pipeline ${file}: ${(error as Error).message}`, { cause: error });
  }
  const result = PipelineJob.safeParse(json);
  if (!result.success) {
    throw new Error(`pipeline ${file}: ${z.prettifyError(result.error)}`);
  }
  const folder = path.dirname(file);
  return { ...result.data, paths: result.data.paths.map((p) => path.resolve(folder, p)) };
}

/** The paths a command works on: those given plus those of `--pipeline <name>`, if any. */
export async function sourcePaths(
  given: string[],
  pipeline: string | undefined,
): Promise<string[]> {
  return pipeline ? [...given, ...(await loadPipelineJob(pipeline)).paths] : given;
}
