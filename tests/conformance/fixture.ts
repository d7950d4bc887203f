// Documents for the conformance suite: the seeds through the real pipeline, plus a few hand-made
// question/answer documents written so each query-model feature has something to find (inflected
// forms, a phrase and its scattered words, amounts, dates, hostile HTML).
import type { DocumentRecord, Entity, Passage } from '../../src/model/document.ts';
import { parliaments } from '../../src/pipeline/parliaments.ts';

export { DEKAMER, parseAll, REPO_ROOT, SEEDS_DIR, stream } from '../support/corpus.ts';

/** Entities for every occurrence of the given spans: [text, entity fields]. */
function entitiesIn(text: string, spans: [string, Record<string, unknown>][]): Entity[] {
  return spans.flatMap(([span, fields]) => {
    const start = text.indexOf(span);
    if (start === -1) throw new Error(`fixture: "${span}" is not in "${text}"`);
    return [{ text: span, start, end: start + span.length, ...fields } as Entity];
  });
}

type Spans = [string, Record<string, unknown>][];

function questionAndAnswer(
  documentId: string,
  pairs: { question: string; answer: string | null; entities?: Spans }[],
): Passage[] {
  return pairs.flatMap(({ question, answer, entities = [] }, i) => {
    const number = i + 1;
    const questionId = `${documentId}:question:${number}`;
    const own = (text: string) => entities.filter(([span]) => text.includes(span));
    return [
      {
        id: questionId,
        documentId,
        type: 'question' as const,
        number,
        questionId: null,
        position: 2 * i,
        text: question,
        language: 'nld',
        entities: entitiesIn(question, own(question)),
      },
      ...(answer === null
        ? []
        : [
            {
              id: `${documentId}:answer:${number}`,
              documentId,
              type: 'answer' as const,
              number,
              questionId,
              position: 2 * i + 1,
              text: answer,
              language: 'nld',
              entities: entitiesIn(answer, own(answer)),
            },
          ]),
    ];
  });
}

function document(
  id: string,
  fields: Omit<DocumentRecord, 'id' | 'source' | 'passages' | 'pdfUrl' | 'ministerOffice'>,
  pairs: Parameters<typeof questionAndAnswer>[1],
): DocumentRecord {
  return {
    id,
    source: 'tests/conformance/fixture.ts',
    pdfUrl: null,
    ministerOffice: null,
    ...fields,
    passages: questionAndAnswer(id, pairs),
  };
}

const VLAIO = 'Agentschap Innoveren en Ondernemen (VLAIO)';
const amount = (value: number) => ({ type: 'amount', value, vat: null });
const organisation = { type: 'organisation', canonical: VLAIO };

export const bikes = document(
  'cf-bikes',
  {
    parliament: parliaments.flemish,
    number: '901',
    date: '2021-03-10',
    title: 'Diefstallen aan stations',
    themes: ['Mobiliteit'],
    asker: 'Jan Peeters',
    party: 'CD&V',
    minister: 'Lydia Peeters',
  },
  [
    {
      question: 'Hoeveel fietsen werden in 2020 gestolen aan de stations van Gent en Antwerpen?',
      answer:
        'In 2020 werden 1.200 fietsen gestolen. De overheid investeerde 250.000 euro in bewaakte fietsenstallingen.',
      entities: [['250.000 euro', amount(250_000)]],
    },
  ],
);

export const enterprise = document(
  'cf-enterprise',
  {
    parliament: parliaments.flemish,
    number: '902',
    date: '2022-06-01',
    title: 'Steun aan ondernemers',
    themes: ['Economie', 'Werk'],
    asker: 'An De Smet',
    party: 'N-VA',
    minister: 'Hilde Crevits',
  },
  [
    {
      question: 'Hoeveel ondernemers kregen steun van het Agentschap Innoveren en Ondernemen?',
      answer: 'Het agentschap ondersteunde 3.400 ondernemers met een budget van 12 miljoen euro.',
      entities: [
        ['Agentschap Innoveren en Ondernemen', organisation],
        ['12 miljoen euro', amount(12_000_000)],
      ],
    },
    {
      question: 'Hoeveel projecten keurde VLAIO goed in 2023?',
      answer: 'Er werden 27 projecten goedgekeurd.',
      entities: [['VLAIO', organisation]],
    },
    {
      question: 'Wat is de stand van zaken van de sociale economie?',
      answer:
        'De sociale economie groeit. Voor de sociale zekerheid van werknemers verwijs ik naar de federale overheid.',
    },
  ],
);

export const allowances = document(
  'cf-allowances',
  {
    parliament: parliaments.federal,
    number: '903',
    date: '2020-11-20',
    title: 'Uitkeringen voor gezinnen',
    themes: ['Welzijn'],
    asker: 'Jan Peeters',
    party: 'CD&V',
    minister: 'Wouter Beke',
  },
  [
    {
      question: 'Krijgen gezinnen zekerheid over hun sociale uitkeringen in 2021?',
      answer: 'De sociale zekerheid blijft gegarandeerd, met 5.000 euro per gezin.',
      entities: [['5.000 euro', amount(5_000)]],
    },
  ],
);

export const hostileHtml = document(
  'cf-hostile',
  {
    parliament: parliaments.flemish,
    number: null,
    date: null,
    title: 'Code op de website',
    themes: ['Digitalisering'],
    asker: null,
    party: null,
    minister: null,
  },
  [
    {
      question: 'Waarom toont de website <script>alert("x")</script> & <b>vet</b> aan bezoekers?',
      answer: 'De website wordt nagekeken; de code is verwijderd.',
    },
  ],
);

/** The first question of `enterprise` sent to another minister, who has not answered (yet). */
export const unansweredTwin = document(
  'cf-twin',
  {
    parliament: parliaments.flemish,
    number: '904',
    date: '2022-06-03',
    title: 'Steun aan ondernemers',
    themes: ['Economie'],
    asker: 'An De Smet',
    party: 'N-VA',
    minister: 'Jo Brouns',
  },
  [{ question: enterprise.passages[0]!.text, answer: null }],
);

/** Compounds written joined, apart and hyphenated; "asielzoekers" is a part word itself, so the
 *  index keeps it whole and only the query's joined alternative finds it from "asiel zoekers". */
export const compounds = document(
  'cf-compounds',
  {
    parliament: parliaments.flemish,
    number: '905',
    date: '2019-05-02',
    title: 'Spelen in de stad',
    themes: ['Jeugd'],
    asker: null,
    party: null,
    minister: null,
  },
  [
    {
      question: 'Hoeveel speelpleinen heeft de stad voor de kinderen van asielzoekers?',
      answer:
        'De stad heeft twaalf speel pleinen. Vragen gaan per e-mail naar de sociaal-economische dienst van de N.V.',
    },
  ],
);

export const handMadeDocuments = [
  bikes,
  enterprise,
  allowances,
  hostileHtml,
  unansweredTwin,
  compounds,
];
