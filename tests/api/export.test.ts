// GET /api/export: the matching passages as CSV and XLSX, read back with real parsers.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportColumns, exportRows } from '../../src/export/passage-rows.ts';
import { SearchQuery, type SearchResult } from '../../src/search/query.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
});
afterAll(() => seeded?.close());

const headers = exportColumns.map((c) => c.header);

/** Collects a binary response body (supertest buffers only text by default). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function searchAll(query: string): Promise<SearchResult> {
  return (await request(seeded.app).get(`/api/search?${query}&size=100`)).body as SearchResult;
}

describe('GET /api/export', () => {
  it('exports every matching passage as CSV, with its full text', async () => {
    const expected = await searchAll('q=begeleidingstraject');
    const response = await request(seeded.app).get('/api/export?format=csv&q=begeleidingstraject');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="?vraagbaak-begeleidingstraject-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const [header, ...rows] = parse(response.text) as string[][];
    expect(header).toEqual(headers);
    expect(rows.length).toBe(expected.total);
    const seedPassages = new Map(seeded.seeds.flatMap((d) => d.passages.map((p) => [p.id, p])));
    const records = rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i]])));
    for (const record of records) {
      expect(`${record.title} ${record.text}`).toMatch(/begeleidingstraject/i);
      const passage = [...seedPassages.values()].find(
        (p) => p.documentId === record.documentId && p.text === record.text,
      );
      expect(passage, `row text is a full passage of ${record.documentId}`).toBeDefined();
    }
  });

  it('exports XLSX that exceljs opens, one row per passage', async () => {
    const expected = await searchAll('q=minister&type=answer');
    const response = await request(seeded.app)
      .get('/api/export?format=xlsx&q=minister&type=answer')
      .buffer(true)
      .parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /filename="?vraagbaak-minister-.*\.xlsx/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.getWorksheet('passages');
    expect(sheet).toBeDefined();
    const values = (row: number) => (sheet!.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(headers);
    expect(sheet!.actualRowCount - 1).toBe(expected.total);
    const typeColumn = headers.indexOf('type');
    for (let row = 2; row <= sheet!.actualRowCount; row++) {
      expect(values(row)[typeColumn]).toBe('answer');
    }
  });

  it('honours limit, and without a query exports everything', async () => {
    const two = await request(seeded.app).get('/api/export?format=csv&limit=2');
    expect((parse(two.text) as string[][]).length).toBe(1 + 2);

    const all = await request(seeded.app).get('/api/export?format=csv');
    const passages = seeded.seeds.reduce((sum, d) => sum + d.passages.length, 0);
    expect((parse(all.text) as string[][]).length).toBe(1 + passages);
    expect(all.headers['content-disposition']).toMatch(/filename="?vraagbaak-export-/);

    // The page reuses its search URL: paging parameters are accepted and do not shrink the export.
    const paged = await request(seeded.app).get(
      '/api/export?format=csv&page=2&size=5&groupBy=document',
    );
    expect(paged.text).toBe(all.text);
  });

  it.each([
    ['', 'format'],
    ['format=pdf', 'format'],
    ['format=csv&limit=0', 'limit'],
    ['format=csv&limit=1000000', 'limit'],
    ['format=csv&size=1000', 'size'],
  ])('rejects "%s" with a 400 naming %s', async (query, parameter) => {
    const response = await request(seeded.app).get(`/api/export?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toContain(parameter);
  });
});

describe('exportRows', () => {
  it('pages through the cursor: small pages give the same passages, each once', async () => {
    const query = SearchQuery.parse({ q: 'minister' });
    const ids = async (pageSize: number) => {
      const texts: string[] = [];
      for await (const row of exportRows(seeded.backend, query, 10_000, pageSize)) {
        texts.push(`${row.documentId}|${row.type}|${row.passageNumber}|${row.text}`);
      }
      return texts;
    };
    const paged = await ids(3);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.sort()).toEqual((await ids(100)).sort());
    expect(paged.length).toBeGreaterThan(3);
  });
});
