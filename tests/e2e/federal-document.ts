// A hand-made federal-style question: themes written in capitals (as the Chamber's data has them),
// a party, and the word "kinderopvang", which no seed contains (for the prefix-while-typing test).
import type { DocumentRecord } from '../../src/model/document.ts';
import { parliaments } from '../../src/pipeline/parliaments.ts';

const id = 'e2e-federal';

export const CAPITAL_THEME =
  'ECONOMISCHE ZAKEN EN SOCIALE ZEKERHEID VAN DE ZELFSTANDIGE ONDERNEMERS';

export const federalDocument: DocumentRecord = {
  id,
  source: 'tests/e2e/federal-document.ts',
  parliament: parliaments.federal,
  number: null,
  date: '2017-05-02',
  title: 'Plaatsen in de kinderopvang',
  // In capitals too, with an abbreviation that stays in capitals on the page.
  themes: [CAPITAL_THEME, 'VERVOER PER SPOOR (NMBS)'],
  asker: 'Peeters, An',
  party: 'CD&V',
  minister: null,
  ministerOffice: 'Minister van Werk',
  pdfUrl: null,
  passages: [
    {
      id: `${id}:question:1`,
      documentId: id,
      type: 'question',
      number: 1,
      questionId: null,
      position: 0,
      text: 'Hoeveel plaatsen in de kinderopvang kwamen er in 2016 bij?',
      language: 'nld',
      entities: [],
    },
    {
      id: `${id}:answer:1`,
      documentId: id,
      type: 'answer',
      number: 1,
      questionId: `${id}:question:1`,
      position: 1,
      text: 'Er kwamen 1.200 plaatsen in de kinderopvang bij.',
      language: 'nld',
      entities: [],
    },
  ],
};
