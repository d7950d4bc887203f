// GET /api/feed: any search as an Atom 1.0 feed, read back with a feed parser.
import { parseFeed } from '@rowanmanning/feed-parser';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPITAL_THEME, federalDocument } from '../e2e/federal-document.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
  // The seeds' themes are in normal case; the federal document's are in capitals.
  const report = await seeded.backend.index(
    (async function* () {
      yield federalDocument;
    })(),
  );
  expect(report.failures).toEqual([]);
});
afterAll(() => seeded?.close());

async function feedOf(query: string) {
  const response = await request(seeded.app).get(`/api/feed?${query}`);
  expect(response.status).toBe(200);
  expect(response.type).toBe('application/atom+xml');
  return { xml: response.text, feed: parseFeed(response.text) };
}

describe('GET /api/feed', () => {
  it('is a valid Atom 1.0 feed of the matching documents, newest first', async () => {
    const { xml, feed } = await feedOf('q=begeleidingstraject');
    expect(feed.meta).toEqual({ type: 'atom', version: '1.0' });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.title).toBe('Vraagbaak: „begeleidingstraject”');
    expect(feed.self).toMatch(/\/api\/feed\?q=begeleidingstraject$/);
    expect(feed.url).toMatch(/\/\?q=begeleidingstraject$/);
    // RFC 4287 4.1.1: a feed has an author unless every entry has one (an asker may be unknown).
    expect(feed.authors.map((author) => author.name)).toEqual(['Vraagbaak']);

    const search = await request(seeded.app).get(
      '/api/search?q=begeleidingstraject&groupBy=document&size=100',
    );
    const expected = new Set(search.body.hits.map((h: { documentId: string }) => h.documentId));
    const documents = feed.items.map((item) => new URL(item.url!).searchParams.get('doc'));
    expect(new Set(documents)).toEqual(expected);
    expect(documents).toHaveLength(expected.size);
    const dates = feed.items.map((item) => item.updated!.toISOString());
    expect(dates).toEqual([...dates].sort().reverse());
    expect(feed.updated?.toISOString()).toBe(dates[0]);
    for (const item of feed.items) {
      const seed = seeded.seeds.find((s) => s.id === new URL(item.url!).searchParams.get('doc'))!;
      expect(item.title).toBe(seed.title);
      expect(item.id).toBe(item.url);
      expect(item.updated?.toISOString().slice(0, 10)).toBe(seed.date);
      expect(`${item.title} ${item.description}`).toMatch(/begeleidingstraject/i);
    }
  });

  it('narrows with the same filters as the search, and names them in its title', async () => {
    const minister = 'Hilde Crevits';
    const { feed } = await feedOf(`minister=${encodeURIComponent(minister)}`);
    expect(feed.title).toBe(`Vraagbaak: minister ${minister}`);
    const theirs = seeded.seeds.filter((s) => s.minister === minister).map((s) => s.id);
    expect(theirs.length).toBeGreaterThan(0);
    expect(feed.items.map((item) => new URL(item.url!).searchParams.get('doc')).sort()).toEqual(
      theirs.sort(),
    );
  });

  it('labels themes written in capitals in normal case, keeping abbreviations', async () => {
    const { feed } = await feedOf(`theme=${encodeURIComponent(CAPITAL_THEME)}`);
    expect(feed.title).toBe(
      'Vraagbaak: thema Economische zaken en sociale zekerheid van de zelfstandige ondernemers',
    );
    expect(feed.items.map((item) => new URL(item.url!).searchParams.get('doc'))).toEqual([
      federalDocument.id,
    ]);
    expect(feed.items[0]!.categories).toEqual([
      {
        label: 'Economische zaken en sociale zekerheid van de zelfstandige ondernemers',
        term: CAPITAL_THEME,
        url: null,
      },
      { label: 'Vervoer per spoor (NMBS)', term: 'VERVOER PER SPOOR (NMBS)', url: null },
    ]);
  });

  it('rejects bad parameters with a Dutch message', async () => {
    const response = await request(seeded.app).get('/api/feed?dateFrom=gisteren');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'invalid_parameter' });
    expect(response.body.message).toBe('Ongeldige parameter: dateFrom');
  });
});
