// A hand-made document whose text, title and names carry markup and script: the page must show it
// literally and run none of it. Every payload would set window.__pwned or call alert if it ran.
import type { DocumentRecord } from '../../src/model/document.ts';
import { parliaments } from '../../src/pipeline/parliaments.ts';

export const HOSTILE_SEARCH_TERM = 'scriptinjectieproef';

export const scriptPayload = '<script>window.__pwned = "script"; alert(1)</script>';
export const imagePayload = '<img src="x" onerror="window.__pwned = \'img\'; alert(2)">';

const id = 'e2e-hostile';
const questionText = `Wat is de ${HOSTILE_SEARCH_TERM} van ${scriptPayload} en ${imagePayload} ?`;
const answerText = `De ${HOSTILE_SEARCH_TERM} toont <mark>nep</mark> & <b>vet</b> letterlijk.`;
const organisation = '<svg onload="window.__pwned = \'svg\'">';

export const hostileDocument: DocumentRecord = {
  id,
  source: 'tests/e2e/hostile-document.ts',
  parliament: parliaments.flemish,
  number: '666',
  date: '2022-03-01',
  title: `Titel met ${imagePayload} erin`,
  themes: ['<i>Thema</i>'],
  asker: 'Eva <b>Vet</b>',
  party: null,
  minister: 'Testminister',
  ministerOffice: null,
  pdfUrl: 'javascript:window.__pwned = "pdf"',
  passages: [
    {
      id: `${id}:question:1`,
      documentId: id,
      type: 'question',
      number: 1,
      questionId: null,
      position: 0,
      text: questionText,
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
      text: `${answerText} ${organisation}`,
      language: 'nld',
      entities: [
        {
          type: 'organisation',
          text: organisation,
          start: answerText.length + 1,
          end: answerText.length + 1 + organisation.length,
          canonical: organisation,
        },
      ],
    },
  ],
};
