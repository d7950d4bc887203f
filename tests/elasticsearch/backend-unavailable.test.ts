// With no Elasticsearch listening (a real refused connection on a free port, not a mock), every
// backend call fails with BackendUnavailableError and a reason, which the API answers with 503.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/search/backend.ts';
import type { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { hostile, stream, testBackend } from './backend-fixtures.ts';

/** A port nothing listens on: bound once to get it from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

describe('ElasticsearchBackend without a reachable node', () => {
  let backend: ElasticsearchBackend;

  beforeAll(async () => {
    backend = testBackend('unavailable', `http://127.0.0.1:${await closedPort()}`);
  });

  afterAll(() => backend?.close());

  const calls: [string, () => Promise<unknown>][] = [
    ['search', () => backend.search(SearchQuery.parse({ q: 'fiets' }))],
    ['index', () => backend.index(stream([hostile]))],
    ['index --rebuild', () => backend.index(stream([hostile]), { mode: 'rebuild' })],
    ['getDocument', () => backend.getDocument(hostile.id)],
    ['suggest', () => backend.suggest('vla', 5)],
    ['stats', () => backend.stats()],
    ['clear', () => backend.clear()],
  ];

  it.each(calls)('%s fails with BackendUnavailableError and a reason', async (_name, call) => {
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as BackendUnavailableError).reason).toMatch(/cannot be reached/);
  });
});
