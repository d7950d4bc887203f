// GET /api/search against the real embedded backend holding the seeds.
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import {
  facetNames,
  MAX_PAGE_SIZE,
  MAX_QUERY_LENGTH,
  type SearchResult,
} from '../../src/search/query.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
let seed000: DocumentRecord;

beforeAll(async () => {
  seeded = await openSeededApp();
  const found = seeded.seeds.find((d) => path.basename(d.source).startsWith('000_'));
  if (!found) throw new Error('seed 000 missing');
  seed000 = found;
});
afterAll(() => seeded?.close());

const search = async (query: string) => {
  const response = await request(seeded.app).get(`/api/search?${query}`);
  return { status: response.status, body: response.body as SearchResult };
};

describe('GET /api/search', () => {
  it('finds seed 000 passages for "begeleidingstraject" first, each match shown', async () => {
    const { status, body } = await search('q=begeleidingstraject');
    expect(status).toBe(200);
    expect(body.total).toBe(body.hits.length);
    expect(body.hits[0]?.documentId).toBe(seed000.id);
    const fromSeed000 = body.hits.filter((hit) => hit.documentId === seed000.id);
    expect(fromSeed000.length).toBeGreaterThanOrEqual(2);
    for (const hit of fromSeed000) expect(hit.title).toBe(seed000.title);
    // A passage matches by its text (highlighted) or by its document's title.
    for (const hit of body.hits) {
      const highlighted = /<mark>begeleidingstraject/i.test(hit.highlights.join(' '));
      expect(highlighted || /begeleidingstraject/i.test(hit.title ?? '')).toBe(true);
    }
    expect(Object.keys(body.facets).sort()).toEqual([...facetNames].sort());
    expect(typeof body.tookMs).toBe('number');
  });

  it('answers UTF-8 JSON whose Content-Length counts its bytes', async () => {
    const response = await request(seeded.app).get('/api/search?q=minister');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.text));
    expect(JSON.parse(response.text)).toMatchObject({ total: expect.any(Number) });
  });

  it('narrows to a passage type and to several themes at once (repeated parameter)', async () => {
    const all = await search('q=minister');
    const themes = all.body.facets.theme.map((f) => f.value);
    expect(themes.length).toBeGreaterThanOrEqual(2);
    const [a, b] = themes as [string, string];
    const both = await search(
      `q=minister&theme=${encodeURIComponent(a)}&theme=${encodeURIComponent(b)}`,
    );
    expect(both.status).toBe(200);
    expect(both.body.total).toBeGreaterThan(0);
    for (const hit of both.body.hits) expect(hit.themes.some((t) => t === a || t === b)).toBe(true);

    const questions = await search('q=minister&type=question');
    expect(questions.body.total).toBeGreaterThan(0);
    expect(questions.body.total).toBeLessThan(all.body.total);
    for (const hit of questions.body.hits) expect(hit.type).toBe('question');
  });

  it('pages with size and the nextCursor, never repeating a passage', async () => {
    const whole = await search('q=minister&size=100');
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 100; page++) {
      const { status, body } = await search(`q=minister&size=3${after}`);
      expect(status).toBe(200);
      expect(body.hits.length).toBeLessThanOrEqual(3);
      seen.push(...body.hits.map((h) => h.id));
      if (!body.nextCursor) break;
      after = `&after=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(whole.body.hits.map((h) => h.id).sort());
  });

  it('groups by document: one hit per document, with its number of matching passages', async () => {
    const { body } = await search('q=minister&groupBy=document');
    const ids = body.hits.map((h) => h.documentId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const hit of body.hits) expect(hit.matchingPassages).toBeGreaterThanOrEqual(1);
  });

  it('sorts by date, newest first', async () => {
    const { body } = await search('sort=date&size=100');
    const dates = body.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it.each([
    ['size=1000', 'size'],
    ['size=abc', 'size'],
    ['page=0', 'page'],
    ['sort=popular', 'sort'],
    ['type=speech', 'type'],
    ['dateFrom=2021-13-01', 'dateFrom'],
    ['amountMin=-5', 'amountMin'],
    ['groupBy=party', 'groupBy'],
    ['q=a&q=b', 'q'],
    [`q=${'x'.repeat(MAX_QUERY_LENGTH + 1)}`, 'q'],
    ['thema=Economie', 'thema'],
  ])('rejects %s with a 400 naming %s', async (query, parameter) => {
    const response = await request(seeded.app).get(`/api/search?${query}`);
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/json');
    expect(response.body.message).toContain(parameter);
    expect(response.body.details.map((d: { parameter: string }) => d.parameter)).toContain(
      parameter,
    );
  });

  it('accepts the largest page size', async () => {
    expect((await search(`size=${MAX_PAGE_SIZE}`)).status).toBe(200);
  });
});
