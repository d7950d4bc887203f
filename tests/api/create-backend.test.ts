// Settings (src/config.ts) and opening the backend they name.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createBackend } from '../../src/search/create-backend.ts';

describe('readConfig', () => {
  it('takes the documented defaults when nothing is set', () => {
    const config = readConfig({}, {});
    expect(config).toMatchObject({
      backend: 'embedded',
      dataDir: path.resolve('data'),
      elasticsearchUrl: 'http://127.0.0.1:9200',
      elasticsearchAlias: 'vraagbaak-passages',
      host: '127.0.0.1',
      port: 3000,
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      VRAAGBAAK_BACKEND: 'elasticsearch',
      PORT: '8080',
      VRAAGBAAK_CORS_ORIGINS: 'a, b',
    };
    expect(readConfig({}, env)).toMatchObject({ backend: 'elasticsearch', port: 8080 });
    expect(readConfig({}, env).corsOrigins).toEqual(['a', 'b']);
    expect(readConfig({ backend: 'embedded', port: '0' }, env)).toMatchObject({
      backend: 'embedded',
      port: 0,
    });
  });

  it('refuses a bad value, naming the variable or the option', () => {
    expect(() => readConfig({}, { VRAAGBAAK_BACKEND: 'solr' })).toThrow(
      /VRAAGBAAK_BACKEND: .*"embedded"\|"elasticsearch"|VRAAGBAAK_BACKEND: .*embedded/,
    );
    expect(() => readConfig({ port: 'eighty' }, {})).toThrow(/--port/);
    expect(() => readConfig({}, { VRAAGBAAK_ES_ALIAS: 'Other Index' })).toThrow(
      /VRAAGBAAK_ES_ALIAS: .*vraagbaak-passages/,
    );
  });
});

describe('createBackend', () => {
  it('opens the embedded store in the configured data dir', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-create-'));
    const backend = await createBackend(readConfig({ dataDir }, {}));
    try {
      expect(backend.name).toBe('embedded');
      expect(await backend.stats()).toEqual({ documents: 0, passages: 0 });
    } finally {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('picks Elasticsearch without contacting it', async () => {
    const backend = await createBackend(
      readConfig({ backend: 'elasticsearch', elasticsearchUrl: 'http://127.0.0.1:1' }, {}),
    );
    expect(backend.name).toBe('elasticsearch');
    await backend.close();
  });
});
