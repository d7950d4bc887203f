// A folder of hostile inputs beside good ones, made fresh by the tests: every kind of file a user
// might feed the pipeline by mistake, and the odd-but-valid documents it must still get right.
import { createWriteStream } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { firstDekamerLines, repoRoot } from '../faults/dekamer-sample.ts';
import { encryptedPdf } from './encrypted-pdf.ts';

export const seedsDir = path.join(repoRoot, 'seeds');

/** The seed whose text has the most characters outside ASCII (€, –, ë, ö, °, …, quotes). */
export const WINDOWS_1252_SEED = '004_346812c9bbc9c7e1.txt';
export const HUGE_FILE_BYTES = 50 * 1024 * 1024;
export const NUMBERED_QUESTIONS = 200;
/** Line (1-based) of malformed.jsonl.gz that is not JSON; the other lines are good records. */
export const MALFORMED_LINE = 3;
export const MALFORMED_GOOD_LINES = 4;

export const hostileFiles = {
  empty: 'empty.txt',
  binary: 'scan.txt',
  windows1252: 'windows-1252.txt',
  truncatedGzip: 'truncated.jsonl.gz',
  malformedJsonLine: 'malformed.jsonl.gz',
  corruptPdf: 'corrupt.pdf',
  encryptedPdf: 'encrypted.pdf',
  huge: 'huge.txt',
  withoutAnswer: 'without-answer.txt',
  manyQuestions: 'many-questions.txt',
} as const;

// Windows-1252 differs from Latin-1 only in 0x80–0x9f (WHATWG encoding index). Node's own
// TextDecoder('windows-1252') decodes that range as Latin-1 control characters, so the table is here.
const WINDOWS_1252_EXTRA: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** Encodes text as Windows-1252; a character outside the code page is a mistake in the fixture. */
function encodeWindows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (char) => {
      const code = char.codePointAt(0)!;
      const byte =
        WINDOWS_1252_EXTRA[char] ??
        (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
      if (byte === undefined) throw new Error(`"${char}" has no Windows-1252 byte`);
      return byte;
    }),
  );
}

/** Seed 000 up to (not including) the minister's signature that precedes the answer. */
function withoutAnswer(seed: string): string {
  const lines = seed.split('\n');
  const answerStart = lines.findIndex((line) => line.trim() === 'ANTWOORD');
  // The signature (the name, then the office over two lines) stands right above ANTWOORD.
  return lines.slice(0, answerStart - 3).join('\n') + '\n';
}

function manyQuestions(count: number): string {
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  return [
    'SCHRIFTELIJKE VRAAG',
    'nr. 4242',
    'van JAN JANSSENS',
    'datum: 3 maart 2022',
    'aan HILDE CREVITS',
    'VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN ECONOMIE',
    'Subsidies aan gemeenten - Overzicht per gemeente',
    'De Vlaamse overheid kent jaarlijks subsidies toe aan gemeenten.',
    ...numbers.map((n) => `${n}.Hoeveel subsidie ontving gemeente nummer ${n} in 2021?`),
    'HILDE CREVITS',
    'VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN ECONOMIE',
    'ANTWOORD',
    'op vraag nr. 4242 van 3 maart 2022',
    'van JAN JANSSENS',
    ...numbers.map((n) => `${n}.Gemeente nummer ${n} ontving ${n * 1000} euro subsidie.`),
    '',
  ].join('\n');
}

/** Seed 000's question with an answer repeated until the file is `bytes` long. */
async function hugeFile(file: string, seed: string, bytes: number): Promise<void> {
  const answerParagraph =
    'Het programma had een budget van 915.407 euro inclusief BTW en zit vervat in het Contract ' +
    'Ondernemerschap. Het gaat hier over gratis trajecten voor een bredere doelgroep.\n';
  const head = seed.slice(0, seed.indexOf('1.Het programma'));
  async function* chunks() {
    let written = Buffer.byteLength(head);
    yield head;
    const block = answerParagraph.repeat(1000);
    const blockBytes = Buffer.byteLength(block);
    while (written + blockBytes <= bytes) {
      yield block;
      written += blockBytes;
    }
    yield 'x'.repeat(bytes - written);
  }
  await pipeline(chunks, createWriteStream(file));
}

async function corruptPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage();
  page.drawText('Schriftelijke vraag', { font: await document.embedFont(StandardFonts.Helvetica) });
  const bytes = Buffer.from(await document.save());
  // Header intact, body cut in half and scribbled over: a download that broke off.
  const broken = bytes.subarray(0, Math.floor(bytes.length / 2));
  broken.fill(0x42, 200, 400);
  return broken;
}

/** Writes the five seeds (the good documents) and every hostile file into `dir`. */
export async function writeHostileInputs(dir: string): Promise<void> {
  const seeds = [
    '000_f71e14aadc76dc25.txt',
    '001_67e280b5cdbbca1c.txt',
    '002_65ead8cb2139d1f8.txt',
    '003_3b319597539220f9.txt',
    WINDOWS_1252_SEED,
  ];
  for (const seed of seeds) await copyFile(path.join(seedsDir, seed), path.join(dir, seed));
  const seed000 = await readFile(path.join(seedsDir, '000_f71e14aadc76dc25.txt'), 'utf8');
  const file = (name: string) => path.join(dir, name);

  await writeFile(file(hostileFiles.empty), '');
  // Random bytes with NULs, named like a text export (e.g. a scan saved under the wrong name).
  const binary = Buffer.alloc(64 * 1024);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 2654435761) >>> 24;
  await writeFile(file(hostileFiles.binary), binary);
  await writeFile(
    file(hostileFiles.windows1252),
    encodeWindows1252(await readFile(path.join(seedsDir, WINDOWS_1252_SEED), 'utf8')),
  );

  const records = await firstDekamerLines(20);
  const gzipped = gzipSync(records.join('\n') + '\n');
  await writeFile(
    file(hostileFiles.truncatedGzip),
    gzipped.subarray(0, Math.floor(gzipped.length * 0.6)),
  );
  const malformed = records.slice(0, MALFORMED_GOOD_LINES);
  malformed.splice(MALFORMED_LINE - 1, 0, '{"doc_id": 999999, "question": "Afgebroken regel');
  await writeFile(file(hostileFiles.malformedJsonLine), gzipSync(malformed.join('\n') + '\n'));

  await writeFile(file(hostileFiles.corruptPdf), await corruptPdf());
  await writeFile(file(hostileFiles.encryptedPdf), await encryptedPdf('geheim', 'eigenaar'));
  await hugeFile(file(hostileFiles.huge), seed000, HUGE_FILE_BYTES);
  await writeFile(file(hostileFiles.withoutAnswer), withoutAnswer(seed000));
  await writeFile(file(hostileFiles.manyQuestions), manyQuestions(NUMBERED_QUESTIONS));
}
