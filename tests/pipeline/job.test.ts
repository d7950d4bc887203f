// Named corpora in pipelines/: valid job files, paths resolved from the job's folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipelineJob } from '../../src/pipeline/job.ts';
import { seedsDir } from './support/parse.ts';

describe('pipeline jobs', () => {
  it('loads a job by name with absolute paths', async () => {
    const job = await loadPipelineJob('seeds');
    expect(job).toMatchObject({ name: 'seeds', paths: [seedsDir.replace(/\/$/, '')] });
  });

  it('names the file and the problem of an invalid job', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'vraagbaak-job-'));
    try {
      const file = path.join(folder, 'broken.json');
      await writeFile(file, JSON.stringify({ name: 'broken', paths: [] }));
      await expect(loadPipelineJob(file)).rejects.toThrow(/broken\.json.*paths/s);
      await expect(loadPipelineJob('no-such-corpus')).rejects.toThrow(/no-such-corpus\.json/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
