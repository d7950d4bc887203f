// The whole federal corpus through the pipeline: every record parses, streamed from the gzip.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { loadPipelineJob } from '../../src/pipeline/job.ts';
import type { ParseProgress } from '../../src/pipeline/pipeline.ts';
import { dekamerFile, parseAll, passage } from './support/parse.ts';

let documents: DocumentRecord[];
let failures: { file: string; reason: string }[];
let progressAtFirstDocument: ParseProgress | undefined;

beforeAll(async () => {
  const job = await loadPipelineJob('dekamer');
  expect(job.paths).toEqual([dekamerFile]);
  ({ documents, failures } = await parseAll(job.paths, {
    onProgress: (progress) => {
      if (progress.documents === 1) progressAtFirstDocument = progress;
    },
  }));
}, 300_000);

const byId = (id: string) => {
  const document = documents.find((d) => d.id === id);
  if (!document) throw new Error(`no ${id}`);
  return document;
};

describe('dekamer corpus', () => {
  it('parses all 3,811 records without an error; 328 have no answer', () => {
    expect(failures).toEqual([]);
    expect(documents).toHaveLength(3811);
    expect(new Set(documents.map((d) => d.id)).size).toBe(3811);
    const withoutAnswer = documents.filter((d) => !d.passages.some((p) => p.type === 'answer'));
    expect(withoutAnswer).toHaveLength(328);
    expect(documents.every((d) => d.passages.some((p) => p.type === 'question'))).toBe(true);
  });

  it('streams: the first document arrives before the file has been read', () => {
    expect(progressAtFirstDocument).toBeDefined();
    const { bytesRead = 0, bytesTotal = 0 } = progressAtFirstDocument ?? {};
    expect(bytesTotal).toBeGreaterThan(3_000_000);
    expect(bytesRead).toBeLessThan(bytesTotal / 10);
  });

  it('maps the metadata: asker as "First Last", the office and the person holding it then', () => {
    expect(byId('dekamer-184501')).toMatchObject({
      parliament: 'Kamer van volksvertegenwoordigers',
      date: '2017-01-04',
      title: 'Lijn Brussel-Luxemburg. - Technisch incident',
      asker: 'Emmanuel Burton',
      party: 'MR',
      minister: 'François Bellot',
      ministerOffice:
        'Minister van Mobiliteit, belast met Belgocontrol en de Nationale Maatschappij der Belgische spoorwegen',
      themes: [
        'VERVOERBELEID',
        'VERVOERSLIJN',
        'VERVOER PER SPOOR',
        'NMBS',
        'DIENSTREGELING VAN HET VERVOER',
      ],
    });
    expect(byId('dekamer-184502').asker).toBe('Caroline Cassart-Mailleux');
  });

  it('names a minister on every document with an office, and only the corpus name as source', () => {
    const withOffice = documents.filter((d) => d.ministerOffice);
    expect(withOffice).toHaveLength(3811);
    expect(withOffice.filter((d) => !d.minister).map((d) => d.ministerOffice)).toEqual([]);
    expect(byId('dekamer-184501').source).toBe('dekamer-2017.jsonl.gz:1');
    expect(documents.every((d) => !path.isAbsolute(d.source))).toBe(true);
  });

  it('segments numbered questions and answers run into one line', () => {
    const document = byId('dekamer-184501');
    expect(
      document.passages.map((p) => (p.number === null ? p.type : `${p.type} ${p.number}`)),
    ).toEqual([
      'context',
      'question 1',
      'question 2',
      'question 3',
      'answer 1',
      'answer 2',
      'answer 3',
    ]);
    expect(passage(document, 'question', 1).text).toBe(
      'Wat was de precieze oorzaak van de technische problemen? Hadden ze voorkomen kunnen worden, en zo ja, hoe?',
    );
    expect(passage(document, 'answer', 1).text).toBe(
      'De noodrem werd geactiveerd; het ging om kwaad opzet.',
    );
  });

  it('keeps an answer to a group of questions ("1., 2., 3. b), 3. c) en 4.") with its references', () => {
    const document = byId('dekamer-184503');
    expect(passage(document, 'answer', 1).text).toMatch(
      /^1\., 2\., 3\. b\), 3\. c\) en 4\. Er wordt verwezen/,
    );
    expect(passage(document, 'answer', 3).text).toMatch(/^a\) Er bestaat geen circulaire/);
  });

  it('makes one question and one answer of a record without numbers', () => {
    const document = byId('dekamer-190104');
    expect(document.passages.map((p) => [p.type, p.number, p.questionId])).toEqual([
      ['question', 1, null],
      ['answer', 1, 'dekamer-190104:question:1'],
    ]);
  });
});
