// What only the embedded backend has to get right: its index survives a restart without
// re-indexing, is written atomically, reports an unreadable snapshot with a reason instead of
// crashing, and a rebuild swaps in a fresh index. (Query behaviour: tests/conformance.)
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/search/backend.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { snapshotPath } from '../../src/search/embedded/snapshot.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { allowances, bikes, enterprise, stream } from '../conformance/fixture.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-embedded-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const threeDocuments = [bikes, enterprise, allowances];
const threePassageCount = threeDocuments.reduce((sum, d) => sum + d.passages.length, 0);

const ids = async (backend: EmbeddedBackend, q: string) =>
  (await backend.search(SearchQuery.parse({ q, size: 100 }))).hits.map((h) => h.id);

describe('EmbeddedBackend persistence', () => {
  it('answers the same after a restart, without indexing again', async () => {
    const first = await EmbeddedBackend.open({ dataDir });
    await first.index(stream(threeDocuments));
    const before = await first.search(SearchQuery.parse({ q: '"sociale zekerheid" | fiets*' }));
    await first.close();

    const second = new EmbeddedBackend({ dataDir });
    expect(await second.stats()).toEqual({ documents: 3, passages: threePassageCount });
    const after = await second.search(SearchQuery.parse({ q: '"sociale zekerheid" | fiets*' }));
    expect({ ...after, tookMs: 0 }).toEqual({ ...before, tookMs: 0 });
    expect(await second.getDocument(enterprise.id)).toEqual(enterprise);

    // The restored index takes upserts like the original.
    await second.index(stream([{ ...bikes, title: 'Gestolen rijwielen' }]));
    expect(await ids(second, 'rijwielen')).toHaveLength(bikes.passages.length);
    expect(await ids(second, 'Diefstallen')).toEqual([]);
    expect(await second.stats()).toEqual({ documents: 3, passages: threePassageCount });
  });

  it('writes the snapshot atomically, leaving no temporary files', async () => {
    const backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(stream([bikes]));
    await backend.close();
    expect(await readdir(dataDir)).toEqual([path.basename(snapshotPath(dataDir))]);
  });

  it('reports an unreadable snapshot as unavailable, with the file and a way out', async () => {
    await writeFile(snapshotPath(dataDir), 'not gzip at all');
    const backend = await EmbeddedBackend.open({ dataDir });
    const failure = backend.search(SearchQuery.parse({ q: 'fiets' }));
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(snapshotPath(dataDir));
    await expect(failure).rejects.toThrow(/rebuild/);

    // A rebuild replaces it.
    await backend.index(stream([bikes]), { mode: 'rebuild' });
    expect(await ids(backend, 'fietsen')).toHaveLength(2);
  });

  it('rebuild swaps in a fresh index: documents not indexed again are gone', async () => {
    const backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(stream([bikes, enterprise]));
    const search = backend.search(SearchQuery.parse({ q: 'fietsen' }));
    await backend.index(stream([allowances]), { mode: 'rebuild' });
    expect((await search).total).toBe(2);
    expect(await backend.stats()).toEqual({ documents: 1, passages: 2 });
    expect(await backend.getDocument(bikes.id)).toBeNull();
  });

  it('clear() empties the index and its snapshot', async () => {
    const backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(stream([bikes]));
    await backend.clear();
    expect(await backend.stats()).toEqual({ documents: 0, passages: 0 });
    expect(await readdir(dataDir)).toEqual([]);
    const reopened = await EmbeddedBackend.open({ dataDir });
    expect(await reopened.stats()).toEqual({ documents: 0, passages: 0 });
  });
});

describe('EmbeddedBackend bad input', () => {
  it('reports a document with duplicate passage ids and indexes the rest', async () => {
    const backend = await EmbeddedBackend.open({ dataDir });
    const [first] = bikes.passages;
    const broken = { ...bikes, id: 'cf-broken', passages: [first!, first!] };
    const report = await backend.index(stream([broken, enterprise]));
    expect(report.failures).toEqual([
      { documentId: 'cf-broken', reason: expect.stringContaining(first!.id) },
    ]);
    expect(report.documents).toBe(1);
    expect(await backend.stats()).toEqual({ documents: 1, passages: enterprise.passages.length });
  });
});

describe('EmbeddedBackend unwritable data directory', () => {
  it('says where it could not save, keeps answering, and saves once it can', async () => {
    // A directory where the snapshot's temporary file has to go makes the write fail.
    const obstacle = `${snapshotPath(dataDir)}.${process.pid}.tmp`;
    await mkdir(obstacle);
    const backend = await EmbeddedBackend.open({ dataDir });
    await expect(backend.index(stream([bikes]))).rejects.toThrow(snapshotPath(dataDir));
    expect(await ids(backend, 'fietsen')).toHaveLength(2);

    await rm(obstacle, { recursive: true });
    await backend.index(stream([enterprise]));
    const reopened = await EmbeddedBackend.open({ dataDir });
    expect(await reopened.stats()).toEqual({
      documents: 2,
      passages: bikes.passages.length + enterprise.passages.length,
    });
  });
});
