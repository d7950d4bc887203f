// Bad input: each broken file (or line) is reported with its name and reason, and every good
// document around it still comes through.
import { copyFile, mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_EXPORT_BYTES } from '../../src/pipeline/sources/text-export.ts';
import { parseAll, parseOne, seedFile } from './support/parse.ts';

let folder: string;

const record = (docId: number, question: string) =>
  JSON.stringify({
    doc_id: docId,
    depotdat: '2017-03-01',
    aut_party: 'CD&V',
    aut_person: 'Peeters, An',
    aut_language: 'dutch',
    question_theme_main: 'ENERGIE',
    question_theme: 'ENERGIE,KERNENERGIE',
    answer_deptpres: 8,
    answer_department: 'Minister van Energie, Leefmilieu en Duurzame Ontwikkeling',
    answer_subdepartment: 'Energie',
    question,
    answer: 'Het antwoord volgt.',
  });

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vraagbaak-bad-'));
  await mkdir(path.join(folder, 'nested'));
  await copyFile(seedFile('002_65ead8cb2139d1f8'), path.join(folder, 'nested/good.txt'));
  await writeFile(path.join(folder, 'empty.txt'), '');
  await writeFile(path.join(folder, 'corrupt.pdf'), '%PDF-1.7\nthis is not really a PDF\n%%EOF\n');
  await writeFile(
    path.join(folder, 'lines.jsonl'),
    [
      record(1, 'Kernuitstap. \n\n Wat is de planning?'),
      '{"doc_id": 2, "question": "afgebroken',
      JSON.stringify({ doc_id: 3, depotdat: '2017-03-02' }),
      '',
      record(4, 'Windenergie. \n\n 1. Hoeveel windmolens?2. Waar?'),
    ].join('\n'),
  );
  const gzip = gzipSync(
    [record(5, 'Eerste. \n\n Vraag?'), record(6, 'Tweede. \n\n Vraag?')].join('\n'),
  );
  await writeFile(path.join(folder, 'broken.jsonl.gz'), gzip.subarray(0, gzip.length - 12));
  await writeFile(path.join(folder, 'notes.md'), 'not a source: skipped when walking a folder');
});

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('bad input', () => {
  it('reports each broken file or line by name and reason while the good ones come through', async () => {
    const { documents, failures } = await parseAll([folder]);
    const name = (file: string) => path.relative(folder, path.resolve(file.replace(/:\d+$/, '')));

    // dekamer-5 was read before the gzip broke off; the id of a text export is its file name.
    expect(documents.map((d) => d.id).sort()).toEqual([
      'dekamer-1',
      'dekamer-4',
      'dekamer-5',
      'good',
    ]);
    const byFile = Object.fromEntries(
      failures.map((f) => [name(f.file) + (f.file.match(/:\d+$/)?.[0] ?? ''), f.reason]),
    );
    expect(Object.keys(byFile).sort()).toEqual(
      ['broken.jsonl.gz', 'corrupt.pdf', 'empty.txt', 'lines.jsonl:2', 'lines.jsonl:3'].sort(),
    );
    expect(byFile['empty.txt']).toBe('empty file');
    expect(byFile['corrupt.pdf']).toMatch(/pdf/i);
    expect(byFile['broken.jsonl.gz']).toMatch(/unexpected end of file/i);
    expect(byFile['lines.jsonl:2']).toMatch(/^malformed JSON/);
    expect(byFile['lines.jsonl:3']).toMatch(/^question: /);
  });

  it('names a path that does not exist or cannot be read', async () => {
    const { failures } = await parseAll([
      path.join(folder, 'missing.txt'),
      path.join(folder, 'notes.md'),
    ]);
    expect(failures).toEqual([
      { file: path.join(folder, 'missing.txt'), reason: 'no such file or directory' },
      {
        file: path.join(folder, 'notes.md'),
        reason: expect.stringMatching(/^unsupported file type/),
      },
    ]);
  });

  it('segments the numbered questions of a federal record', async () => {
    const { documents } = await parseAll([path.join(folder, 'lines.jsonl')]);
    const wind = documents.find((d) => d.id === 'dekamer-4');
    expect(wind?.passages.map((p) => [p.type, p.number, p.text])).toEqual([
      ['question', 1, 'Hoeveel windmolens?'],
      ['question', 2, 'Waar?'],
      ['answer', null, 'Het antwoord volgt.'],
    ]);
  });

  it('refuses binary content and a file far too large for one question, by name', async () => {
    const binary = path.join(folder, 'extra', 'scan.txt');
    const huge = path.join(folder, 'extra', 'huge.txt');
    await mkdir(path.dirname(binary));
    await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x10]));
    await writeFile(huge, 'SCHRIFTELIJKE VRAAG\n');
    await truncate(huge, MAX_TEXT_EXPORT_BYTES + 1);
    const { documents, failures } = await parseAll([path.dirname(binary)]);
    expect(documents).toEqual([]);
    expect(failures).toEqual([
      { file: expect.stringMatching(/huge\.txt$/), reason: expect.stringMatching(/^too large/) },
      { file: expect.stringMatching(/scan\.txt$/), reason: 'binary content, not a text export' },
    ]);
  });

  it('reads a Windows-1252 export as the same document as its UTF-8 original', async () => {
    const original = seedFile('004_346812c9bbc9c7e1');
    const windows = path.join(folder, 'windows-1252', '004_346812c9bbc9c7e1.txt');
    await mkdir(path.dirname(windows));
    await writeFile(windows, iconv.encode(await readFile(original, 'utf8'), 'windows-1252'));
    const [fromUtf8, fromWindows] = [await parseOne(original), await parseOne(windows)];
    expect(fromWindows.passages.map((p) => p.text)).toEqual(fromUtf8.passages.map((p) => p.text));
    expect(fromWindows.passages.at(-1)?.text).toContain('25.884,51 € (excl. BTW)');
  });

  // Issue 13: UTF-16 was called "binary content", CR-only line ends gave "no text found".
  it.each([
    ['UTF-16LE with a BOM', (text: string) => iconv.encode(text, 'utf-16le', { addBOM: true })],
    ['UTF-16BE with a BOM', (text: string) => iconv.encode(text, 'utf-16be', { addBOM: true })],
    ['CR-only line ends', (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r'))],
  ])('reads an export in %s as the same document', async (name, encode) => {
    const original = seedFile('004_346812c9bbc9c7e1');
    const copy = path.join(folder, name, '004_346812c9bbc9c7e1.txt');
    await mkdir(path.dirname(copy));
    await writeFile(copy, encode(await readFile(original, 'utf8')));
    const [fromUtf8, fromCopy] = [await parseOne(original), await parseOne(copy)];
    expect(fromCopy.passages.map((p) => p.text)).toEqual(fromUtf8.passages.map((p) => p.text));
  });
});
