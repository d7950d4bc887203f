// The PDF source, on PDFs built from the seed texts (without the export's metadata header, which
// the published PDFs do not have): the same passages as the text export.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { readExportHeader } from '../../src/pipeline/export-header.ts';
import { pdfFromLines } from './support/pdf-fixture.ts';
import { parseAll, parseOne, seedsDir } from './support/parse.ts';

let folder: string;
const pairs: { text: DocumentRecord; pdf: DocumentRecord; hadHeader: boolean }[] = [];

const stems = [
  '000_f71e14aadc76dc25',
  '001_67e280b5cdbbca1c',
  '002_65ead8cb2139d1f8',
  '003_3b319597539220f9',
  '004_346812c9bbc9c7e1',
];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vraagbaak-pdf-'));
  for (const stem of stems) {
    const textFile = path.join(seedsDir, `${stem}.txt`);
    const lines = (await readFile(textFile, 'utf8')).split('\n');
    const { end } = readExportHeader(lines);
    const pdfFile = path.join(folder, `${stem}.pdf`);
    await writeFile(pdfFile, await pdfFromLines(lines.slice(end)));
    pairs.push({
      text: await parseOne(textFile),
      pdf: await parseOne(pdfFile),
      hadHeader: end > 0,
    });
  }
});

afterAll(() => rm(folder, { recursive: true, force: true }));

/** Line breaks inside a paragraph may differ: PDF text has no trailing space marking a soft wrap. */
const words = (text: string) => text.replace(/\s+/g, ' ');

describe('PDF source', () => {
  it('gives the same passages as the text export', () => {
    for (const { text, pdf } of pairs) {
      expect(pdf.id).toBe(text.id);
      expect(pdf.passages.map((p) => [p.id, p.type, p.number, p.questionId])).toEqual(
        text.passages.map((p) => [p.id, p.type, p.number, p.questionId]),
      );
      expect(pdf.passages.map((p) => words(p.text))).toEqual(
        text.passages.map((p) => words(p.text)),
      );
    }
  });

  it('recovers the metadata from the body; header-only fields stay unknown', () => {
    for (const { text, pdf, hadHeader } of pairs) {
      const { number, date, title, asker, minister, ministerOffice } = text;
      expect(pdf).toMatchObject({ number, date, title, asker, minister, ministerOffice });
      expect(pdf.source).toMatch(/\.pdf$/);
      if (hadHeader) expect(pdf).toMatchObject({ themes: [], pdfUrl: null });
    }
  });

  it('keeps the hyphenated compound and the amount on one line', () => {
    const [s000, , , s003] = pairs;
    expect(s000?.pdf.passages[0]?.text).toContain('e-commercestrategie');
    expect(s003?.pdf.passages.find((p) => p.type === 'answer' && p.number === 1)?.text).toContain(
      'budget van 2.000.000,00 euro',
    );
  });

  it('reads a folder of PDFs like any other source', async () => {
    const { documents, failures } = await parseAll([folder]);
    expect(failures).toEqual([]);
    expect(documents.map((d) => d.id)).toEqual(stems);
  });
});

describe('PDF time budget', () => {
  it('reports a PDF that takes longer than its budget by name and reads the other files', async () => {
    const slow = path.join(folder, 'slow.pdf');
    const lines = Array.from({ length: 3_000 }, (_, i) => `Regel ${i} over de subsidies.`);
    await writeFile(slow, await pdfFromLines(lines));
    const seedTexts = stems.map((stem) => path.join(seedsDir, `${stem}.txt`));
    // No PDF is read in 50 ms (the worker thread alone takes longer to start): it stands in for
    // a crafted PDF that keeps pdf.js busy past the 60 s of PDF_TIME_BUDGET_MS.
    const { documents, failures } = await parseAll([slow, ...seedTexts], { pdfTimeBudgetMs: 50 });
    expect(failures).toEqual([{ file: slow, reason: 'reading took longer than 0.05 s; skipped' }]);
    expect(documents).toHaveLength(stems.length);
  });
});
