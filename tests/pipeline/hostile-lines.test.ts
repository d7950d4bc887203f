// Hostile JSON-lines files: a gzip bomb that inflates to one line of 600 MB (more than a string
// can hold: before, the whole run died with an uncaught RangeError), a line with a byte-order
// mark, an impossible date. Each bad line is reported by file:line and reason; the other lines and
// files go on.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_LINE_LENGTH } from '../../src/pipeline/sources/dekamer.ts';
import { parseAll } from './support/parse.ts';

const BOMB_LINE = 600 * 1024 * 1024;
let folder: string;

const record = (docId: number, depotdat = '2017-03-01') =>
  JSON.stringify({ doc_id: docId, depotdat, question: `Vraag ${docId}. \n\n Wat is de planning?` });

async function* bomb() {
  yield Buffer.from(record(1) + '\n');
  const megabyte = Buffer.alloc(1024 * 1024, 'x');
  for (let written = 0; written < BOMB_LINE; written += megabyte.length) yield megabyte;
  yield Buffer.from('\n' + record(2) + '\n');
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vraagbaak-lines-'));
  await pipeline(
    Readable.from(bomb()),
    createGzip({ level: 1 }),
    createWriteStream(path.join(folder, 'a-bomb.jsonl.gz')),
  );
  await writeFile(
    path.join(folder, 'b-lines.jsonl'),
    ['\uFEFF' + record(3), record(4, '2017-02-31'), record(5, '2017-02-28'), record(3)].join(
      '\r\n',
    ),
  );
  await writeFile(path.join(folder, 'c-after.jsonl.gz'), gzipSync(record(6)));
}, 120_000);

afterAll(() => rm(folder, { recursive: true, force: true }));

it(
  'reports a line longer than the maximum by file:line, skips it, and reads on',
  { timeout: 120_000 },
  async () => {
    const { documents, failures } = await parseAll([folder]);
    const name = (file: string) => path.basename(file);
    expect(documents.map((d) => d.id).sort()).toEqual(
      ['dekamer-1', 'dekamer-2', 'dekamer-3', 'dekamer-5', 'dekamer-6'].sort(),
    );
    expect(failures.map((f) => ({ ...f, file: name(f.file) }))).toEqual([
      {
        file: 'a-bomb.jsonl.gz:2',
        reason: `line of ${BOMB_LINE} characters is longer than the maximum ${MAX_LINE_LENGTH}; skipped`,
      },
      { file: 'b-lines.jsonl:2', reason: 'depotdat: not a calendar date' },
      {
        file: 'b-lines.jsonl:4',
        reason: expect.stringMatching(
          /^duplicate document id dekamer-3 \(first read from .*b-lines.jsonl:1\); skipped$/,
        ),
      },
    ]);
  },
);
