// One document: its details, the preamble, each question with its answer beside it (below it on a
// narrow screen), and the annex. Entities and the search's words are marked in the text, and a
// reference such as "zie vraag 3" links to that question.
import type { DocumentView } from '../../src/api/document-view.ts';
import type { Entity, Passage } from '../../src/model/document.ts';
import { facetByName } from '../../src/model/facets.ts';
import { h } from './dom.ts';
import { formatDate, formatEuro, passageLabel, readableValue } from './format.ts';
import { markedText, type LinkRange, type MarkRange } from './marked-text.ts';
import { vatLabel } from './results.ts';
import type { PersonRef } from './state.ts';

const entityTitles: Record<Entity['type'], string> = {
  amount: 'Bedrag',
  organisation: 'Organisatie',
  person: 'Persoon',
  place: 'Plaats',
};

const entityLegend: Record<Entity['type'], string> = {
  organisation: 'organisaties',
  amount: 'bedragen',
  person: 'personen',
  place: 'plaatsen',
};

export interface DocumentLinks {
  /** A name that opens the person's page. */
  person: (person: PersonRef) => HTMLElement;
}

function entityTitle(entity: Entity): string {
  const detail =
    entity.type === 'amount' ? formatEuro(entity.value) + vatLabel(entity.vat) : entity.canonical;
  return `${entityTitles[entity.type]}: ${detail}`;
}

/** The entities that get a mark: overlapping ones are skipped, the first (longest) one wins. */
function shownEntities(passage: Passage): Entity[] {
  const sorted = [...passage.entities]
    .filter((e) => e.start < e.end && e.end <= passage.text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const shown: Entity[] = [];
  for (const entity of sorted) if (entity.start >= (shown.at(-1)?.end ?? 0)) shown.push(entity);
  return shown;
}

/** "zie vraag 3", "Zie ook het antwoord op vraag 2": references to another numbered question. */
const questionReference = /\bzie\s+(?:ook\s+)?(?:(?:het\s+)?antwoord\s+op\s+)?vraag\s+(\d+)/giu;

function questionLinks(text: string, questionIds: Map<number, string>): LinkRange[] {
  return [...text.matchAll(questionReference)].flatMap((match) => {
    const id = questionIds.get(Number(match[1]));
    if (!id) return [];
    return [
      {
        start: match.index,
        end: match.index + match[0].length,
        href: `#${encodeURIComponent(id)}`,
        onClick: (event: MouseEvent) => {
          const target = document.getElementById(id);
          if (!target) return;
          // The question is on this page: go there without reloading the document.
          event.preventDefault();
          history.replaceState(history.state, '', `#${encodeURIComponent(id)}`);
          document.querySelectorAll('.passage.target').forEach((p) => p.classList.remove('target'));
          target.classList.add('target');
          target.scrollIntoView({ block: 'center' });
          target.focus({ preventScroll: true });
        },
      },
    ];
  });
}

function passageBlock(
  passage: Passage,
  view: DocumentView,
  questionIds: Map<number, string>,
  heading?: string,
): HTMLElement {
  const marks: MarkRange[] = [
    ...shownEntities(passage).map((entity) => ({
      start: entity.start,
      end: entity.end,
      className: `entity entity-${entity.type}`,
      title: entityTitle(entity),
    })),
    ...(view.queryMarks[passage.id] ?? []).map((span) => ({ ...span, className: 'query-match' })),
  ];
  return h(
    'section',
    { class: `passage passage-${passage.type}`, id: passage.id, tabindex: -1 },
    h(
      'h3',
      {},
      h(
        'span',
        { class: `badge badge-${passage.type}` },
        heading ?? passageLabel(passage.type, passage.number),
      ),
    ),
    h(
      'div',
      { class: 'passage-text' },
      markedText(passage.text, marks, questionLinks(passage.text, questionIds)),
    ),
  );
}

/**
 * Who asked whom, when and about what. No source gives the date of the answer (the Flemish PDFs
 * and the Chamber's data date only the question), so there is no answer date to show.
 */
function documentDetails(doc: DocumentView['document'], links: DocumentLinks): HTMLElement {
  const row = (term: string, value: string | Node | null) =>
    value ? [h('dt', {}, term), h('dd', {}, value)] : [];
  const asker =
    doc.asker &&
    h(
      'span',
      {},
      links.person({ name: doc.asker, role: 'asker' }),
      doc.party ? ` (${doc.party})` : '',
    );
  const minister =
    (doc.minister || doc.ministerOffice) &&
    h(
      'span',
      {},
      doc.minister ? links.person({ name: doc.minister, role: 'minister' }) : null,
      doc.minister && doc.ministerOffice ? ', ' : '',
      doc.ministerOffice ?? '',
    );
  return h(
    'dl',
    { class: 'doc-details' },
    row(facetByName.parliament.label, doc.parliament),
    row('Nummer', doc.number),
    row('Datum van de vraag', formatDate(doc.date)),
    row('Vraagsteller', asker || null),
    row('Minister', minister || null),
    row('Thema', doc.themes.map(readableValue).join(', ') || null),
  );
}

function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The published document (the parliament's PDF), when the source names it. */
function sourceLink(doc: DocumentView['document']): HTMLElement | null {
  const official = safeUrl(doc.pdfUrl);
  if (!official) return null;
  return h(
    'p',
    { class: 'doc-source' },
    h(
      'a',
      { href: official, rel: 'noopener noreferrer', target: '_blank' },
      'Officieel document openen (pdf)',
    ),
  );
}

/** The legend names only the kinds of marks that occur in this document. */
function legend(view: DocumentView, passages: Passage[]): HTMLElement | null {
  const kinds = (Object.keys(entityLegend) as Entity['type'][]).filter((kind) =>
    passages.some((p) => shownEntities(p).some((e) => e.type === kind)),
  );
  const items: Node[] = kinds.map((kind) =>
    h('mark', { class: `entity entity-${kind}` }, entityLegend[kind]),
  );
  if (Object.keys(view.queryMarks).length > 0)
    items.push(h('mark', { class: 'query-match' }, 'uw zoekwoorden'));
  if (items.length === 0) return null;
  const parts: (Node | string)[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(i === items.length - 1 ? ' en ' : ', ');
    parts.push(item);
  });
  return h('p', { class: 'legend' }, 'In de tekst gemarkeerd: ', parts, '.');
}

export function renderDocument(
  view: DocumentView,
  backLink: HTMLElement,
  links: DocumentLinks,
): HTMLElement {
  const doc = view.document;
  const passages = [
    ...view.context,
    ...view.pairs.flatMap((p) => [p.question, p.answer].filter((x) => x !== null)),
    ...view.annexes,
  ];
  const questionIds = new Map(
    view.pairs.flatMap(({ question }) =>
      question?.number != null ? [[question.number, question.id] as const] : [],
    ),
  );
  const block = (passage: Passage) => passageBlock(passage, view, questionIds);
  return h(
    'article',
    { class: 'document' },
    h('nav', { class: 'doc-nav', 'aria-label': 'Document' }, backLink),
    h(
      'header',
      { class: 'doc-header' },
      h(
        'p',
        { class: 'doc-kicker' },
        `Schriftelijke vraag${doc.number ? ` nr. ${doc.number}` : ''}`,
      ),
      h('h2', { id: 'document-title', tabindex: -1 }, doc.title ?? 'Zonder titel'),
      documentDetails(doc, links),
      sourceLink(doc),
      legend(view, passages),
    ),
    view.context.map(block),
    view.pairs.length > 0 &&
      h(
        'div',
        { class: 'qa-list' },
        view.pairs.map(({ question, answer }) =>
          h(
            'div',
            { class: 'qa-pair' },
            question
              ? block(question)
              : h('p', { class: 'passage passage-missing' }, 'Antwoord zonder bijhorende vraag.'),
            answer
              ? block(answer)
              : h(
                  'p',
                  { class: 'passage passage-unanswered' },
                  'Op deze vraag is (nog) geen antwoord gevonden.',
                ),
          ),
        ),
      ),
    view.annexes.map(block),
  );
}
