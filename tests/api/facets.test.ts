// Facets the way a daily user reads them: every value reachable (GET /api/facets/:facet), the true
// number of values, counts of documents when grouped, and the newest documents first without a query.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACET_SIZE, type FacetCount, type SearchResult } from '../../src/search/query.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
});
afterAll(() => seeded?.close());

const get = async (url: string) => {
  const response = await request(seeded.app).get(url);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};

describe('GET /api/facets/:facet', () => {
  it('lists every value of a facet with its count, and how many there are', async () => {
    const themes = new Set(seeded.seeds.flatMap((s) => s.themes));
    const passages = seeded.seeds.flatMap((s) => s.passages.map(() => s.themes));
    const body = (await get('/api/facets/theme')) as { values: FacetCount[]; total: number };
    expect(body.total).toBe(themes.size);
    expect(body.values.map((v) => v.value).sort()).toEqual([...themes].sort());
    for (const { value, count } of body.values)
      expect(count).toBe(passages.filter((t) => t.includes(value)).length);

    const search = (await get('/api/search')) as SearchResult;
    expect(search.facetTotals.theme).toBe(themes.size);
    expect(search.facets.theme.length).toBe(Math.min(FACET_SIZE, themes.size));
  });

  it('applies the search and its other filters, and honours size', async () => {
    const one = (await get('/api/facets/organisation?size=1')) as {
      values: FacetCount[];
      total: number;
    };
    expect(one.values).toHaveLength(1);
    expect(one.total).toBeGreaterThan(1);
    const narrowed = (await get('/api/facets/asker?q=begeleidingstraject')) as { total: number };
    const all = (await get('/api/facets/asker')) as { total: number };
    expect(narrowed.total).toBeLessThanOrEqual(all.total);
  });

  it('rejects an unknown facet in Dutch', async () => {
    const response = await request(seeded.app).get('/api/facets/kleur');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('Ongeldige parameter: facet');
  });
});

describe('counting per document', () => {
  it('counts documents in the total, the facets and the histogram when grouped', async () => {
    const grouped = (await get('/api/search?groupBy=document')) as SearchResult;
    expect(grouped.total).toBe(seeded.seeds.length);
    const types = Object.fromEntries(grouped.facets.type.map((c) => [c.value, c.count]));
    expect(types.question).toBe(
      seeded.seeds.filter((s) => s.passages.some((p) => p.type === 'question')).length,
    );
    const histogramSum = grouped.histogram.reduce((sum, bar) => sum + bar.count, 0);
    expect(histogramSum).toBe(seeded.seeds.filter((s) => s.date).length);
  });
});

describe('without a query', () => {
  it('lists the newest documents first', async () => {
    const result = (await get('/api/search?size=100')) as SearchResult;
    const dates = result.hits.map((hit) => hit.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(result.hits[0]?.date).toBe(
      seeded.seeds
        .map((s) => s.date ?? '')
        .sort()
        .at(-1),
    );
  });
});
