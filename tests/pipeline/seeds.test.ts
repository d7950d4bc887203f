// The five seed documents through the whole pipeline: metadata recovered from header or body, and
// each trap of real documents (lists that are not the questions, quoted lists inside answers,
// skipped answers, glued numbers, page headers, PDF line-break artefacts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { outline, parseAll, parseOne, passage, seedFile, seedsDir } from './support/parse.ts';

const stems = {
  s000: '000_f71e14aadc76dc25',
  s001: '001_67e280b5cdbbca1c',
  s002: '002_65ead8cb2139d1f8',
  s003: '003_3b319597539220f9',
  s004: '004_346812c9bbc9c7e1',
};
const seeds = {} as Record<keyof typeof stems, DocumentRecord>;

beforeAll(async () => {
  for (const [key, stem] of Object.entries(stems)) {
    seeds[key as keyof typeof stems] = await parseOne(seedFile(stem));
  }
});

describe('the seeds folder', () => {
  it('gives five documents and no failures', async () => {
    const { documents, failures } = await parseAll([seedsDir]);
    expect(failures).toEqual([]);
    expect(documents.map((d) => d.id)).toEqual(Object.values(stems));
  });

  it('gives the same ids on every run, so re-indexing overwrites', async () => {
    const again = await parseOne(seedFile(stems.s003));
    expect(again.passages.map((p) => p.id)).toEqual(seeds.s003.passages.map((p) => p.id));
    expect(passage(again, 'answer', 5).questionId).toBe(`${stems.s003}:question:5`);
  });
});

describe('metadata', () => {
  it('comes from the header when there is one (seed 000, 001)', () => {
    expect(seeds.s000).toMatchObject({
      title: "Individueel begeleidingstraject 'Online verkopen' - Inschrijvingen en budget",
      themes: ['Economie'],
      pdfUrl: 'https://docs.vlaamsparlement.be/pfile?id=1751759',
      number: '1033',
      date: '2021-09-10',
      asker: 'Maaike De Vreese',
      minister: 'Hilde Crevits',
    });
    expect(seeds.s001.themes).toEqual(['Economie', 'Wetenschap en Innovatie']);
  });

  it('is recovered from the SCHRIFTELIJKE VRAAG block without a header (seed 004)', () => {
    expect(seeds.s004).toMatchObject({
      title: 'Sociale economie - Collectieve ondersteuning',
      number: '221',
      date: '2018-01-19',
      asker: 'Rob Beenders',
      minister: 'Liesbeth Homans',
      themes: [],
      pdfUrl: null,
    });
    expect(seeds.s004.ministerOffice).toMatch(/^Viceminister-President van de Vlaamse Regering/);
    expect(seeds.s004.ministerOffice).toMatch(/Gelijke Kansen en Armoedebestrijding$/);
  });

  it('is recovered from the ANTWOORD line when the document starts mid-page (seed 002)', () => {
    expect(seeds.s002).toMatchObject({
      title: 'Programma ‘Het internet. Ook uw zaak’ - Organisatie infosessies',
      number: '289',
      date: '2020-01-23',
      asker: 'Maurits Vande Reyde',
      // Only the office line survived above ANTWOORD: no minister is named, none is invented.
      minister: null,
    });
    expect(seeds.s002.ministerOffice).toContain('Vlaams Minister van Economie');
  });

  it('takes the minister from a page that starts at "aan" (seed 003)', () => {
    expect(seeds.s003).toMatchObject({
      title: 'Ondernemerschapsbeleid VLAIO - Werkingsmiddelen structurele partners',
      number: '307',
      date: '2023-01-20',
      asker: 'Robrecht Bothuyne',
      minister: 'Jo Brouns',
      ministerOffice: 'Vlaams Minister van Economie, Innovatie, Werk, Sociale Economie en Landbouw',
      parliament: 'Vlaams Parlement',
    });
  });
});

describe('passages', () => {
  it('have the structure read from each seed', () => {
    const numbered = (type: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${type} ${i + 1}`);
    expect(outline(seeds.s000)).toEqual([
      'context',
      ...numbered('question', 4),
      ...numbered('answer', 4),
      'annex',
    ]);
    expect(outline(seeds.s001)).toEqual([
      'context',
      ...numbered('question', 4),
      ...numbered('answer', 4),
      'annex',
    ]);
    expect(outline(seeds.s002)).toEqual([
      'context',
      ...numbered('question', 4),
      ...numbered('answer', 4),
      'annex',
    ]);
    expect(outline(seeds.s003)).toEqual([
      'context',
      ...numbered('question', 6),
      'answer 1',
      'answer 2',
      'answer 3',
      'answer 5',
      'answer 6',
    ]);
    expect(outline(seeds.s004)).toEqual([
      'context',
      'question 1',
      'question 2',
      'answer 1',
      'answer 2',
    ]);
  });

  it('link each answer to its question and number positions from 0', () => {
    for (const document of Object.values(seeds)) {
      expect(document.passages.map((p) => p.position)).toEqual(document.passages.map((_, i) => i));
      for (const answer of document.passages.filter((p) => p.type === 'answer')) {
        expect(answer.questionId).toBe(`${document.id}:question:${answer.number}`);
      }
    }
  });

  it('keep a numbered list in the preamble as context, not questions (seed 004)', () => {
    const context = passage(seeds.s004, 'context', null).text;
    expect(context).toContain('1. het verstrekken van eerstelijnsinformatie');
    expect(context).toContain('5. de promotie van het ondernemerschap');
    expect(passage(seeds.s004, 'question', 1).text).toMatch(
      /^Kan de minister een overzicht geven van hoe het collectief aanbod/,
    );
    expect(passage(seeds.s004, 'question', 2).text).toMatch(
      /^Welke overheidsopdrachten zijn momenteel lopende/,
    );
  });

  it('keep a quoted numbered list inside the answer it is quoted in (seed 003)', () => {
    const answer3 = passage(seeds.s003, 'answer', 3).text;
    expect(answer3).toContain('De Mededeling formuleert het als volgt:');
    expect(answer3).toContain('1. De kern van de overheidsopdracht blijft');
    expect(answer3).toContain('4. Gelet op de moeilijke opstart');
    expect(answer3).toContain('5. Uit de voortgangsevaluatie blijkt');
    expect(answer3).toMatch(/Samengevat was de conclusie dus .* werden toegewezen\.$/s);
    // The document has no "4." answer: the evaluation text stays in answer 3, nothing is invented.
    const answer5 = passage(seeds.s003, 'answer', 5);
    expect(answer5.text).toMatch(/^a\) Neen\.\nb\) Zoals aangegeven bij vraag 4/);
    expect(answer5.questionId).toBe(`${seeds.s003.id}:question:5`);
    expect(passage(seeds.s003, 'answer', 6).text).toMatch(/^Nee, er zijn geen plannen/);
  });

  it('keep answers that refer to another question (seed 000: "2.Zie vraag 1.")', () => {
    expect(passage(seeds.s000, 'answer', 2).text).toBe('Zie vraag 1.');
    expect(passage(seeds.s000, 'answer', 4).text).toBe('Zie vraag 3.');
  });

  it('split numbers glued to the text ("1.Hoeveel", "3.E-scans")', () => {
    expect(passage(seeds.s000, 'question', 1).text).toMatch(
      /^Hoeveel ondernemers hebben zich ingeschreven/,
    );
    expect(passage(seeds.s001, 'answer', 3).text).toMatch(/^E-scans/);
    expect(passage(seeds.s001, 'answer', 4).text).toMatch(/^Websitebezoekers/);
  });

  it('keep a), b) sub-items inside their question or answer', () => {
    expect(passage(seeds.s002, 'question', 2).text).toBe(
      'Graag per oproep een overzicht van:\na) aantal aanvragen;\nb) aantal goedgekeurde aanvragen;\nc) totaal toegekend budget;\nd) de begunstigden.',
    );
    expect(passage(seeds.s003, 'question', 5).text).toContain(
      'c) Op welke manier kunnen zij hun targets opkrikken?',
    );
    expect(passage(seeds.s004, 'question', 2).text).toMatch(/d\) toegekend bedrag\.$/);
  });

  it('leave the minister page header before ANTWOORD out of the last question', () => {
    const last = [
      [passage(seeds.s000, 'question', 4).text, 'Graag ook de gegevens in Excel-bestand.'],
      [passage(seeds.s002, 'question', 4).text, 'op heden?'],
      [passage(seeds.s003, 'question', 6).text, 'met welke planning?'],
      [passage(seeds.s004, 'question', 2).text, 'd) toegekend bedrag.'],
    ] as const;
    for (const [text, ending] of last) {
      expect(text.endsWith(ending)).toBe(true);
      expect(text).not.toMatch(/MINISTER|CREVITS|BROUNS|HOMANS|ANTWOORD/);
    }
  });

  it('keep the annex apart, with its own numbered list (seed 002)', () => {
    expect(passage(seeds.s002, 'annex', null).text).toMatch(
      /^1\. Begunstigden oproep 2018\n2\. Begunstigden oproep 2019/,
    );
    expect(passage(seeds.s002, 'answer', 4).text).not.toContain('BIJLAGE');
    expect(passage(seeds.s000, 'annex', null).text).toBe(
      'Aantal deelnemers per provincie voor Corona recovery en voor EHBOnline Verkoop',
    );
  });
});

describe('PDF line-break artefacts', () => {
  it('join a hyphenated break and keep the Dutch hyphen (e- / commercestrategie)', () => {
    expect(passage(seeds.s000, 'context', null).text).toContain('in hun e-commercestrategie.');
    expect(passage(seeds.s001, 'context', null).text).toContain('via een e-learningaanbod');
  });

  it('collapse runs of spaces', () => {
    for (const document of Object.values(seeds)) {
      for (const p of document.passages) expect(p.text).not.toMatch(/ {2}|^ | $/m);
    }
  });

  it('put an amount broken over lines back on the line of its words (seed 003)', () => {
    const answer1 = passage(seeds.s003, 'answer', 1);
    expect(answer1.text).toContain(
      'was er een beschikbaar budget van 2.000.000,00 euro, dat werd verdeeld onder',
    );
    const amount = answer1.entities.find((e) => e.type === 'amount' && e.value === 2_000_000);
    expect(amount && answer1.text.slice(amount.start, amount.end)).toMatch(/2\.000\.000,00 euro/);
  });

  it('flatten table rows into readable lines (seed 004 answer 2, seed 001 answer 2)', () => {
    const table = passage(seeds.s004, 'answer', 2).text.split('\n');
    expect(table).toContain('Deloitte Consulting 29.440 euro (excl. BTW)');
    expect(table).toContain('14 ondernemingen (BW, SW, LDE) 275.342,98 euro');
    const rows = passage(seeds.s001, 'answer', 2).text.split('\n');
    expect(rows).toContain('ANT 13 536 11 382 4 56');
    expect(rows).toContain('LIM 12 331 9 249 4 135');
  });
});

describe('language and entities', () => {
  it('detect Dutch on every passage long enough to tell', () => {
    for (const document of Object.values(seeds)) {
      for (const p of document.passages.filter((p) => p.text.length > 200)) {
        expect(p.language, `${p.id}`).toBe('nld');
      }
    }
  });

  it('tag entities with offsets into the passage text', () => {
    const entities = Object.values(seeds).flatMap((d) =>
      d.passages.flatMap((p) => p.entities.map((e) => ({ e, p }))),
    );
    expect(entities.length).toBeGreaterThan(20);
    for (const { e, p } of entities) expect(p.text.slice(e.start, e.end)).toBe(e.text);
  });
});
