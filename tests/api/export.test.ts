// GET /api/export: the matching passages as CSV for Dutch-language Excel and as typed XLSX, read
// back with real parsers (csv-parse, exceljs), with no cap on the number of rows.
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportColumns } from '../../src/export/columns.ts';
import { neutraliseFormula } from '../../src/export/formula-injection.ts';
import { writeCsv } from '../../src/export/csv.ts';
import { exportRows } from '../../src/export/passage-rows.ts';
import { writeXlsx } from '../../src/export/xlsx.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
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

/** A CSV export as Dutch Excel reads it: `;`-separated, after the BOM. */
async function csvRecords(
  query: string,
): Promise<{ raw: Buffer; records: Record<string, string>[] }> {
  const response = await request(seeded.app)
    .get(`/api/export?format=csv&${query}`)
    .buffer(true)
    .parse(binary);
  expect(response.status).toBe(200);
  const raw = response.body as Buffer;
  const records = parse(raw, { bom: true, delimiter: ';', columns: true }) as Record<
    string,
    string
  >[];
  return { raw, records };
}

describe('GET /api/export?format=csv', () => {
  it('exports every matching passage with its full text, for Dutch-language Excel', async () => {
    const expected = await searchAll('q=begeleidingstraject');
    const response = await request(seeded.app).get('/api/export?format=csv&q=begeleidingstraject');
    expect(response.type).toBe('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="?vraagbaak-begeleidingstraject-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const { raw, records } = await csvRecords('q=begeleidingstraject');
    // UTF-8 byte order mark, `;` between the Dutch headers, CRLF line ends.
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8').slice(1).split('\r\n')[0]).toBe(headers.join(';'));
    expect(headers).toContain('Vraagsteller');
    expect(records.length).toBe(expected.total);
    const seedPassages = seeded.seeds.flatMap((d) => d.passages);
    for (const record of records) {
      expect(`${record.Titel} ${record.Tekst}`).toMatch(/begeleidingstraject/i);
      const passage = seedPassages.find(
        (p) => p.documentId === record.Document && p.text === record.Tekst,
      );
      expect(passage, `row text is a full passage of ${record.Document}`).toBeDefined();
      expect(['inleiding', 'vraag', 'antwoord', 'bijlage']).toContain(record.Soort);
      expect(record.Parlement).toBe('Vlaams Parlement');
      expect(record.Link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?doc=/);
      expect(new URL(record.Link!).searchParams.get('doc')).toBe(record.Document);
    }
    // Amounts with a decimal comma, as Dutch Excel reads numbers.
    const withAmount = records.find((r) => r['Hoogste bedrag (euro)']);
    expect(withAmount?.['Hoogste bedrag (euro)']).toMatch(/^\d+(,\d+)?$/);
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${start}HYPERLINK("http://x")`)).toBe(
        `'${start}HYPERLINK("http://x")`,
      );
    expect(neutraliseFormula('Gewone tekst')).toBe('Gewone tekst');
  });
});

describe('GET /api/export?format=xlsx', () => {
  it('has typed cells, a styled frozen header with autofilter, widths and a link column', async () => {
    const expected = await searchAll('q=euro&type=answer');
    const response = await request(seeded.app)
      .get('/api/export?format=xlsx&q=euro&type=answer')
      .buffer(true)
      .parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename="?vraagbaak-euro-.*\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const sheet = workbook.getWorksheet('passages')!;
    expect(sheet).toBeDefined();
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(headers);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(headers.indexOf('Tekst') + 1).width).toBeGreaterThan(40);
    expect(sheet.actualRowCount - 1).toBe(expected.total);
    const column = (name: string) => headers.indexOf(name);
    let amounts = 0;
    for (let row = 2; row <= sheet.actualRowCount; row++) {
      const cells = values(row);
      expect(cells[column('Soort')]).toBe('antwoord');
      expect(cells[column('Datum')]).toBeInstanceOf(Date);
      const link = cells[column('Link')] as { hyperlink: string; text: string };
      expect(link.hyperlink).toMatch(/\?doc=/);
      const amount = cells[column('Hoogste bedrag (euro)')];
      if (amount !== undefined && amount !== null) {
        expect(typeof amount).toBe('number');
        amounts++;
      }
    }
    expect(amounts).toBeGreaterThan(0);
  });
});

describe('GET /api/export limits', () => {
  it('honours limit, and without a query exports everything', async () => {
    expect((await csvRecords('limit=2')).records).toHaveLength(2);
    const all = await csvRecords('');
    const passages = seeded.seeds.reduce((sum, d) => sum + d.passages.length, 0);
    expect(all.records).toHaveLength(passages);

    // The page reuses its search URL: paging parameters are accepted and do not shrink the export.
    const paged = await csvRecords('page=2&size=5&groupBy=document');
    // (Links name the port of each request's own test server, so they are left out.)
    const withoutLinks = (records: Record<string, string>[]) =>
      records.map(({ Link: _link, ...rest }) => rest);
    expect(withoutLinks(paged.records)).toEqual(withoutLinks(all.records));
  });

  it.each([
    ['', 'format'],
    ['format=pdf', 'format'],
    ['format=csv&limit=0', 'limit'],
    ['format=csv&size=1000', 'size'],
  ])('rejects "%s" with a 400 naming %s, in Dutch', async (query, parameter) => {
    const response = await request(seeded.app).get(`/api/export?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_parameter');
    expect(response.body.message).toMatch(/^Ongeldige parameter/);
    expect(response.body.message).toContain(parameter);
  });
});

describe('exportRows', () => {
  it('gives every matching passage once, in the order of the search, up to an optional limit', async () => {
    const query = SearchQuery.parse({ q: 'minister' });
    const rows = async (limit?: number) => {
      const ids: string[] = [];
      const exported = exportRows(seeded.backend, query, { limit, documentLink: (_d, p) => p });
      for await (const row of exported) ids.push(row.link);
      return ids;
    };
    const all = await rows();
    const search = await searchAll('q=minister');
    expect(all).toEqual(search.hits.map((hit) => hit.id));
    expect(new Set(all).size).toBe(all.length);
    expect(await rows(3)).toEqual(all.slice(0, 3));
  });
});

/**
 * The seeded backend with every scan walked `rounds` times over: many more matching rows than the
 * seeds hold, from the real engine. Counts the hits it has handed out.
 */
function repeatingBackend(backend: SearchBackend, rounds: number) {
  const scanned = { hits: 0 };
  const scan = async function* (query: SearchQuery) {
    for (let round = 0; round < rounds; round++) {
      for await (const page of backend.scan(query)) {
        scanned.hits += page.length;
        yield page;
      }
    }
  };
  const repeating = new Proxy(backend, {
    get(target, key) {
      if (key === 'scan') return scan;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { backend: repeating, scanned };
}

/** Waits until the export has stopped asking the backend for more (the count holds still). */
async function whenStill(read: () => number): Promise<number> {
  let last = -1;
  while (read() !== last) {
    last = read();
    await sleep(150);
  }
  return last;
}

/** A client that does not read until released: its writes stay unfinished, so the stream fills. */
function slowClient() {
  const chunks: Buffer[] = [];
  const unfinished: (() => void)[] = [];
  let reading = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      if (reading) done();
      else unfinished.push(done);
    },
  });
  return {
    output,
    body: () => Buffer.concat(chunks),
    startReading() {
      reading = true;
      for (const done of unfinished.splice(0)) done();
    },
  };
}

describe('exports of many rows', () => {
  /** Enough for the client's buffers to fill many times over; a real backend's scan has no cap. */
  const ROWS = 3_000;
  it.each([
    ['csv', writeCsv],
    ['xlsx', writeXlsx],
  ])('stream every row (%s), producing only as fast as the client reads', async (format, write) => {
    const passages = seeded.seeds.reduce((sum, d) => sum + d.passages.length, 0);
    const rounds = Math.ceil(ROWS / passages);
    const { backend, scanned } = repeatingBackend(seeded.backend, rounds);
    const client = slowClient();
    const rows = exportRows(backend, SearchQuery.parse({}), { documentLink: (d) => d });
    const written = write(rows, client.output);
    // While the client reads nothing, the export waits for it instead of piling rows up in memory.
    const whilePaused = await whenStill(() => scanned.hits);
    expect(whilePaused).toBeLessThan(ROWS / 4);

    client.startReading();
    await written;
    expect(scanned.hits).toBe(rounds * passages);
    if (format === 'csv') {
      const records = parse(client.body(), { bom: true, delimiter: ';', columns: true });
      expect(records).toHaveLength(rounds * passages);
    } else {
      const workbook = new ExcelJS.Workbook();
      // (exceljs declares its own Buffer, an ArrayBuffer.)
      await workbook.xlsx.load(Uint8Array.from(client.body()).buffer);
      expect(workbook.getWorksheet('passages')!.actualRowCount).toBe(1 + rounds * passages);
    }
  });
});
