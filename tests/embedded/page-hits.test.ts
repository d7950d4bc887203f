// A page's hits share their document's decoded fields and title highlight (src/search/embedded/
// page-hits.ts): each hit must still show what its own passage would, and own its arrays.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { bikes, enterprise, stream } from '../conformance/fixture.ts';

let dataDir: string;
let backend: EmbeddedBackend;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-page-hits-'));
  backend = await EmbeddedBackend.open({ dataDir });
  await backend.index(stream([bikes, enterprise]));
});
afterAll(async () => {
  await backend.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('page hits', () => {
  it("gives every hit of a shared document that document's fields, title marks and own arrays", async () => {
    // "stations" is in bikes' title and question, so both of its passages are hits with a title mark.
    const { hits } = await backend.search(SearchQuery.parse({ q: 'stations fietsen' }));
    const ofBikes = hits.filter((hit) => hit.documentId === bikes.id);
    expect(ofBikes.length).toBe(2);
    for (const hit of ofBikes) {
      expect(hit).toMatchObject({ title: bikes.title, date: bikes.date, themes: bikes.themes });
      expect(hit.titleHighlight).toBe('Diefstallen aan <mark>stations</mark>');
    }
    expect(ofBikes[0]!.themes).not.toBe(ofBikes[1]!.themes);
    // Each passage alone on its page shows the same.
    for (const hit of ofBikes) {
      const alone = await backend.search(
        SearchQuery.parse({ q: 'stations fietsen', size: 1, page: hits.indexOf(hit) + 1 }),
      );
      expect(alone.hits).toEqual([hit]);
    }
  });

  it('keeps the documents of a page apart', async () => {
    const { hits } = await backend.search(SearchQuery.parse({ q: 'stations | ondernemers' }));
    const titles = { [bikes.id]: bikes.title, [enterprise.id]: enterprise.title };
    expect(new Set(hits.map((hit) => hit.documentId))).toEqual(new Set(Object.keys(titles)));
    for (const hit of hits) expect(hit.title).toBe(titles[hit.documentId]);
  });
});
