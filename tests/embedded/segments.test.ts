// Segments, tombstones, merges and the snapshot as a running server sees it: an index built by
// many small upserts (one segment each, merged past eight) answers exactly like one built at once,
// re-indexed documents leave no trace in hits or BM25 statistics, and a server notices a snapshot
// written by another process (as `vraagbaak index` beside `vraagbaak serve`) without a restart.
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { snapshotPath } from '../../src/search/embedded/snapshot.ts';
import { SearchQuery, type SearchQueryInput } from '../../src/search/query.ts';
import { SimilarQuery } from '../../src/search/similar/similar-query.ts';
import {
  SEEDS_DIR,
  allowances,
  bikes,
  enterprise,
  parseAll,
  stream,
} from '../conformance/fixture.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-segments-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const queries: SearchQueryInput[] = [
  { q: 'fiets* | belasting' },
  { q: 'minister' },
  { q: '"sociale zekerheid" | vraag' },
  { q: 'antwoord -fiets', sort: 'date' },
  { q: '', size: 50 },
  // Hits of one score in id order, walked from the index's id order past deleted passages.
  { q: '', page: 4 },
  { q: 'fiets*', page: 2, size: 5 },
  { q: 'de | het', groupBy: 'document' },
];

async function answers(backend: EmbeddedBackend) {
  const results = [];
  for (const query of queries) {
    const result = await backend.search(SearchQuery.parse({ size: 20, ...query }));
    results.push({ ...result, tookMs: 0 });
  }
  // The similar search picks its terms by document frequency: the stale passages (all titled
  // "Verouderde titel fietsen") must not count, or "verouderd" and "titel" would join the terms and
  // raise the number that must match.
  const draft = 'minister budget euro project overzicht '.repeat(2);
  for (const text of [draft, `${draft} Verouderde titel. Verouderde titel.`]) {
    const result = await backend.similar(SimilarQuery.parse({ text, size: 50 }));
    results.push({ ...result, tookMs: 0 });
  }
  return results;
}

describe('segments', () => {
  it('many upserts and merges answer exactly like one rebuild, stale passages leave no trace', async () => {
    const seeds = await parseAll([SEEDS_DIR]);
    const documents: DocumentRecord[] = [...seeds, bikes, enterprise, allowances];
    const once = await EmbeddedBackend.open({ dataDir: path.join(dataDir, 'once') });
    await once.index(stream(documents), { mode: 'rebuild' });

    const upserted = await EmbeddedBackend.open({ dataDir: path.join(dataDir, 'upserted') });
    // A first version of every document under another title, then each document again on its
    // own: a segment each, merged once there are more than eight, the first passages deleted.
    await upserted.index(
      stream(documents.map((d) => ({ ...d, title: 'Verouderde titel fietsen' }))),
    );
    for (let i = 0; i < documents.length; i += 2)
      await upserted.index(stream(documents.slice(i, i + 2)));

    expect(await upserted.stats()).toEqual(await once.stats());
    expect(await answers(upserted)).toEqual(await answers(once));
    const reopened = await EmbeddedBackend.open({ dataDir: path.join(dataDir, 'upserted') });
    expect(await answers(reopened)).toEqual(await answers(once));
  }, 120_000);

  it('a running backend swaps in the snapshot another process wrote, without a restart', async () => {
    const server = await EmbeddedBackend.open({ dataDir });
    expect(await server.stats()).toEqual({ documents: 0, passages: 0 });
    const cli = await EmbeddedBackend.open({ dataDir });
    await cli.index(stream([bikes, enterprise]));
    await cli.close();
    await sleep(1_100);
    expect(await server.stats()).toEqual({
      documents: 2,
      passages: bikes.passages.length + enterprise.passages.length,
    });
    expect(await server.getDocument(bikes.id)).toEqual(bikes);
    expect(await readdir(dataDir)).toEqual(['embedded-index.bin']);
  });
});

describe('a snapshot write that fails', () => {
  it('on a full disk: removes its temporary file, says the index was not saved, keeps serving', async () => {
    const backend = await EmbeddedBackend.open({ dataDir });
    // The temporary file leads to /dev/full, where every write fails with ENOSPC.
    await symlink('/dev/full', `${snapshotPath(dataDir)}.${process.pid}.tmp`);
    const failure = backend.index(stream([bikes]));
    await expect(failure).rejects.toThrow(/NOT saved/);
    await expect(failure).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dataDir)).toEqual([]);
    expect(await backend.stats()).toEqual({ documents: 1, passages: bikes.passages.length });

    await backend.index(stream([enterprise]));
    const reopened = await EmbeddedBackend.open({ dataDir });
    expect(await reopened.stats()).toEqual({
      documents: 2,
      passages: bikes.passages.length + enterprise.passages.length,
    });
  });
});
