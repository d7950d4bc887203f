// Hostile files in one folder beside good ones, through the real pipeline and the embedded
// backend: each file gives a correct document or a clear error naming it, and every good document
// of the same run is indexed.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { parseDocuments, type ParseResult } from '../../src/pipeline/pipeline.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import type { ChildReport } from './index-in-child.ts';
import {
  MALFORMED_GOOD_LINES,
  MALFORMED_LINE,
  NUMBERED_QUESTIONS,
  WINDOWS_1252_SEED,
  hostileFiles,
  seedsDir,
  writeHostileInputs,
} from './hostile-inputs.ts';

interface Timed {
  result: ParseResult;
  /** Time since the previous result: the pipeline reads files one after another. */
  ms: number;
}

/** "dir/x.jsonl.gz:3" and "/abs/dir/x.jsonl.gz" both name x.jsonl.gz. */
const childScript = path.join(import.meta.dirname, 'index-in-child.ts');

const fileOf = (name: string) => path.basename(name).replace(/:\d+$/, '');
const nameOf = (result: ParseResult) => fileOf(result.ok ? result.document.source : result.file);

let dir: string;
let dataDir: string;
const timed: Timed[] = [];
let backend: EmbeddedBackend;

const resultsFor = (file: string) => timed.filter((t) => nameOf(t.result) === file);
const documentsOf = (file: string): DocumentRecord[] =>
  resultsFor(file).flatMap(({ result }) => (result.ok ? [result.document] : []));
const errorsOf = (file: string) =>
  resultsFor(file).flatMap(({ result }) => (result.ok ? [] : [result]));
const goodDocuments = () => timed.flatMap(({ result }) => (result.ok ? [result.document] : []));
/** The 50 MB file is indexed on its own, in a child process that a time limit can stop. */
const indexedInProcess = () =>
  goodDocuments().filter((d) => fileOf(d.source) !== hostileFiles.huge);

function expectOnlyError(file: string, reason?: RegExp) {
  expect(documentsOf(file), `${file} gives no document`).toEqual([]);
  const errors = errorsOf(file);
  expect(errors, `${file} gives one error`).toHaveLength(1);
  expect(errors[0]!.reason.trim().length, 'the error says why').toBeGreaterThan(3);
  if (reason) expect(errors[0]!.reason).toMatch(reason);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-hostile-'));
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-hostile-index-'));
  await writeHostileInputs(dir);

  let last = performance.now();
  for await (const result of parseDocuments([dir])) {
    const now = performance.now();
    timed.push({ result, ms: now - last });
    last = now;
  }

  backend = await EmbeddedBackend.open({ dataDir });
  async function* good() {
    yield* indexedInProcess();
  }
  const report = await backend.index(good());
  expect(report.failures).toEqual([]);
}, 300_000);

afterAll(async () => {
  await backend?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('hostile input files', () => {
  test('every file is accounted for: documents or an error naming it', () => {
    const named = new Set(timed.map(({ result }) => nameOf(result)));
    for (const file of Object.values(hostileFiles)) expect(named, file).toContain(file);
  });

  test('the seeds beside them all become documents', () => {
    for (const seed of ['000_f71e14aadc76dc25.txt', WINDOWS_1252_SEED]) {
      expect(errorsOf(seed)).toEqual([]);
      expect(documentsOf(seed)).toHaveLength(1);
    }
  });

  test('an empty file is an error', () => {
    expectOnlyError(hostileFiles.empty);
  });

  test('a binary file is an error, not a document of garbage', () => {
    expectOnlyError(hostileFiles.binary);
  });

  test('Windows-1252 text reads as the same document as its UTF-8 original', async () => {
    const [document] = documentsOf(hostileFiles.windows1252);
    if (!document) {
      expectOnlyError(hostileFiles.windows1252, /encoding|UTF-8|character/i);
      return;
    }
    const [original] = documentsOf(WINDOWS_1252_SEED);
    expect(document.passages.map((p) => p.text)).toEqual(original!.passages.map((p) => p.text));
    const seedText = await readFile(path.join(seedsDir, WINDOWS_1252_SEED), 'utf8');
    expect(seedText).toContain('€');
    expect(document.passages.map((p) => p.text).join('\n')).toContain('€');
  });

  test('a truncated gzip keeps the records before the break and reports the break', () => {
    const errors = errorsOf(hostileFiles.truncatedGzip);
    expect(errors.length, 'one error for the broken stream').toBeGreaterThanOrEqual(1);
    expect(errors.at(-1)!.reason).toMatch(/gzip|unexpected end|truncat|incomplete|corrupt/i);
  });

  test('a malformed JSON line is reported by line number; the other lines are documents', () => {
    expect(documentsOf(hostileFiles.malformedJsonLine)).toHaveLength(MALFORMED_GOOD_LINES);
    const errors = errorsOf(hostileFiles.malformedJsonLine);
    expect(errors).toHaveLength(1);
    expect(`${errors[0]!.file} ${errors[0]!.reason}`).toMatch(
      new RegExp(`\\b${MALFORMED_LINE}\\b`),
    );
  });

  test('a corrupt PDF is an error', () => {
    expectOnlyError(hostileFiles.corruptPdf);
  });

  test('an encrypted PDF is an error that says it needs a password', () => {
    expectOnlyError(hostileFiles.encryptedPdf, /password|encrypt/i);
  });

  test('a 50 MB text file is parsed in seconds', () => {
    const results = resultsFor(hostileFiles.huge);
    expect(results).toHaveLength(1);
    expect(results[0]!.ms).toBeLessThan(30_000);
  });

  test('a 50 MB text file is indexed (or refused) within a minute and 2 GB', async () => {
    const limitMs = 60_000;
    const child = await new Promise<{ report: ChildReport | null; failure: string | null }>(
      (resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', childScript, path.join(dir, hostileFiles.huge)],
          { timeout: limitMs, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
          (error, stdout, stderr) => {
            if (error) {
              const failure = error.killed
                ? `not done after ${limitMs / 1000} s`
                : `exited with ${error.code}: ${stderr.slice(-500)}`;
              resolve({ report: null, failure });
            } else resolve({ report: JSON.parse(stdout) as ChildReport, failure: null });
          },
        );
      },
    );
    expect(child.failure, 'parsing and indexing the 50 MB file').toBeNull();
    const report = child.report!;
    expect(report.documents.length + report.errors.length).toBeGreaterThan(0);
    expect(report.indexed).toBe(report.documents.length);
    expect(report.maxRssBytes).toBeLessThan(2 * 1024 ** 3);
  }, 90_000);

  test('a question without answer is a document with questions and no answers', () => {
    const [document] = documentsOf(hostileFiles.withoutAnswer);
    expect(document).toBeDefined();
    const types = document!.passages.map((p) => p.type);
    expect(types.filter((t) => t === 'question')).toHaveLength(4);
    expect(types).not.toContain('answer');
  });

  test('200 numbered questions become 200 question passages, each answered', () => {
    const [document] = documentsOf(hostileFiles.manyQuestions);
    expect(document).toBeDefined();
    const questions = document!.passages.filter((p) => p.type === 'question');
    const answers = document!.passages.filter((p) => p.type === 'answer');
    const numbers = Array.from({ length: NUMBERED_QUESTIONS }, (_, i) => i + 1);
    expect(questions.map((q) => q.number)).toEqual(numbers);
    expect(answers.map((a) => a.number)).toEqual(numbers);
    expect(answers.map((a) => a.questionId)).toEqual(questions.map((q) => q.id));
    expect(new Set(document!.passages.map((p) => p.id)).size).toBe(document!.passages.length);
  });

  test('every good document of the run is indexed, with all its passages', async () => {
    // truncated.jsonl.gz and malformed.jsonl.gz share records: same ids, indexed once.
    const documents = [...new Map(indexedInProcess().map((d) => [d.id, d])).values()];
    expect(documents.length).toBeGreaterThanOrEqual(5 + MALFORMED_GOOD_LINES + 2);
    const stats = await backend.stats();
    expect(stats.documents).toBe(documents.length);
    expect(stats.passages).toBe(documents.reduce((sum, d) => sum + d.passages.length, 0));
    for (const document of documents) {
      const stored = await backend.getDocument(document.id);
      expect(
        stored?.passages.map((p) => p.id),
        document.id,
      ).toEqual(document.passages.map((p) => p.id));
    }
  });
});
