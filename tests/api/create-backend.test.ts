// Backend selection by name and environment.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../src/search/create-backend.ts';

describe('createBackend', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('refuses an unknown backend, naming the choices', async () => {
    await expect(createBackend('solr')).rejects.toThrow(
      /unknown backend "solr".*embedded, elasticsearch/,
    );
  });

  it('opens the embedded store in VRAAGBAAK_DATA_DIR by default', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-create-'));
    vi.stubEnv('VRAAGBAAK_BACKEND', undefined);
    vi.stubEnv('VRAAGBAAK_DATA_DIR', dataDir);
    const backend = await createBackend();
    try {
      expect(backend.name).toBe('embedded');
      expect(await backend.stats()).toEqual({ documents: 0, passages: 0 });
    } finally {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('picks Elasticsearch from VRAAGBAAK_BACKEND without contacting it', async () => {
    vi.stubEnv('VRAAGBAAK_BACKEND', 'elasticsearch');
    vi.stubEnv('ELASTICSEARCH_URL', 'http://127.0.0.1:1');
    const backend = await createBackend();
    expect(backend.name).toBe('elasticsearch');
    await backend.close();
  });
});
