// `vraagbaak parse` as a user runs it: a real process, JSON on stdout, errors on stderr, exit code.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DocumentRecord } from '../../src/model/document.ts';
import { repoRoot, seedFile } from './support/parse.ts';

const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join(repoRoot, 'bin/vraagbaak.js'), 'parse', ...args],
      { cwd: repoRoot },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const { stdout, stderr, code } = error as { stdout: string; stderr: string; code: number };
    return { stdout, stderr, code };
  }
};

describe('vraagbaak parse', () => {
  it('prints a JSON array of valid documents', async () => {
    const { stdout, stderr, code } = await run('--json', seedFile('000_f71e14aadc76dc25'));
    expect(code).toBe(0);
    const documents = DocumentRecord.array().parse(JSON.parse(stdout));
    expect(documents.map((d) => [d.id, d.passages.length])).toEqual([['000_f71e14aadc76dc25', 10]]);
    expect(stderr).toContain('parsed 1 documents (10 passages); 0 failed');
  });

  it('summarises a named corpus in human form', async () => {
    const { stdout, code } = await run('--pipeline', 'seeds');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '003_3b319597539220f9  2023-01-20  nr. 307  Ondernemerschapsbeleid VLAIO',
    );
    expect(stdout).toContain('Robrecht Bothuyne → Jo Brouns; 1 context, 6 question, 5 answer');
  });

  it('reports a failing file on stderr, still prints the good ones, and exits non-zero', async () => {
    const { stdout, stderr, code } = await run(
      '--json',
      'no-such-file.txt',
      seedFile('004_346812c9bbc9c7e1'),
    );
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(stderr).toContain('error: no-such-file.txt: no such file or directory');
    expect(stderr).toContain('1 failed');
  });

  it('warns about an office it cannot map to a person, naming it, instead of guessing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-offices-'));
    const record = (docId: number, office: string) =>
      JSON.stringify({
        doc_id: docId,
        depotdat: '2017-03-01',
        aut_person: 'Peeters, Jan',
        answer_department: office,
        question: 'Titel. \n\n Tekst van de vraag?',
        answer: 'Het antwoord.',
      });
    const file = path.join(dir, 'offices.jsonl');
    await writeFile(
      file,
      [record(1, 'Minister van Justitie'), record(2, 'Minister van Ruimtevaart')].join('\n'),
    );
    try {
      const { stdout, stderr, code } = await run('--json', file);
      expect(code).toBe(0);
      const documents = DocumentRecord.array().parse(JSON.parse(stdout));
      expect(documents.map((d) => d.minister)).toEqual(['Koen Geens', null]);
      expect(stderr).toContain('warning: no minister known for office "Minister van Ruimtevaart"');
      expect(stderr).not.toContain('Minister van Justitie');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
