// One document: its details, the preamble, each question with its answer beside it (below it on a
// narrow screen), and the annex. Entities are marked in the text.
import type { DocumentView } from '../../src/api/document-view.ts';
import type { Entity, Passage } from '../../src/model/document.ts';
import { h } from './dom.ts';
import { formatDate, formatEuro, passageLabel } from './format.ts';
import { vatLabel } from './results.ts';

const entityTitles: Record<Entity['type'], string> = {
  amount: 'Bedrag',
  organisation: 'Organisatie',
  person: 'Persoon',
  place: 'Plaats',
};

function entityTitle(entity: Entity): string {
  const detail =
    entity.type === 'amount' ? formatEuro(entity.value) + vatLabel(entity.vat) : entity.canonical;
  return `${entityTitles[entity.type]}: ${detail}`;
}

/** `text` from `from` to `to` with the query's words (`marks`, in text order) in <mark class="query">. */
function withQueryMarks(text: string, from: number, to: number, marks: [number, number][]): Node[] {
  const nodes: Node[] = [];
  let at = from;
  for (const [start, end] of marks) {
    if (end <= at || start >= to) continue;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(h('mark', { class: 'query' }, text.slice(Math.max(start, at), Math.min(end, to))));
    at = Math.min(end, to);
  }
  if (at < to) nodes.push(document.createTextNode(text.slice(at, to)));
  return nodes;
}

/** Passage text with its entities wrapped in <mark class="entity …">; overlapping entities are skipped. */
function markedText(passage: Passage, marks: [number, number][] = []): Node[] {
  const { text } = passage;
  const entities = [...passage.entities]
    .filter((e) => e.start < e.end && e.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes: Node[] = [];
  let at = 0;
  for (const entity of entities) {
    if (entity.start < at) continue;
    if (entity.start > at) nodes.push(...withQueryMarks(text, at, entity.start, marks));
    nodes.push(
      h(
        'mark',
        { class: `entity entity-${entity.type}`, title: entityTitle(entity) },
        withQueryMarks(text, entity.start, entity.end, marks),
      ),
    );
    at = entity.end;
  }
  if (at < text.length) nodes.push(...withQueryMarks(text, at, text.length, marks));
  return nodes;
}

function passageBlock(
  passage: Passage,
  marks: [number, number][] = [],
  heading?: string,
): HTMLElement {
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
    h('div', { class: 'passage-text' }, markedText(passage, marks)),
  );
}

function documentDetails(doc: DocumentView['document']): HTMLElement {
  const row = (term: string, value: string | null) =>
    value ? [h('dt', {}, term), h('dd', {}, value)] : [];
  return h(
    'dl',
    { class: 'doc-details' },
    row('Nummer', doc.number),
    row('Datum', formatDate(doc.date)),
    row('Vraagsteller', doc.asker ? `${doc.asker}${doc.party ? ` (${doc.party})` : ''}` : null),
    row('Minister', [doc.minister, doc.ministerOffice].filter(Boolean).join(', ') || null),
    row('Thema', doc.themes.join(', ') || null),
  );
}

function safePdfUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function renderDocument(view: DocumentView, backLink: HTMLElement): HTMLElement {
  const doc = view.document;
  const pdfUrl = safePdfUrl(doc.pdfUrl);
  return h(
    'article',
    { class: 'document' },
    h('nav', { class: 'doc-nav' }, backLink),
    h(
      'header',
      { class: 'doc-header' },
      h(
        'p',
        { class: 'doc-kicker' },
        `Schriftelijke vraag${doc.number ? ` nr. ${doc.number}` : ''}`,
      ),
      h('h2', { id: 'document-title', tabindex: -1 }, doc.title ?? 'Zonder titel'),
      documentDetails(doc),
      pdfUrl &&
        h(
          'p',
          { class: 'doc-source' },
          h('a', { href: pdfUrl, rel: 'noopener noreferrer', target: '_blank' }, 'Bron-pdf openen'),
        ),
      h(
        'p',
        { class: 'legend' },
        'In de tekst gemarkeerd: ',
        h('mark', { class: 'entity entity-organisation' }, 'organisaties'),
        ', ',
        h('mark', { class: 'entity entity-amount' }, 'bedragen'),
        ', ',
        h('mark', { class: 'entity entity-person' }, 'personen'),
        ' en ',
        h('mark', { class: 'entity entity-place' }, 'plaatsen'),
        '.',
      ),
    ),
    view.context.map((p) => passageBlock(p, view.queryMarks?.[p.id])),
    view.pairs.length > 0 &&
      h(
        'div',
        { class: 'qa-list' },
        view.pairs.map(({ question, answer }) =>
          h(
            'div',
            { class: 'qa-pair' },
            question
              ? passageBlock(question, view.queryMarks?.[question.id])
              : h('p', { class: 'passage passage-missing' }, 'Antwoord zonder bijhorende vraag.'),
            answer
              ? passageBlock(answer, view.queryMarks?.[answer.id])
              : h(
                  'p',
                  { class: 'passage passage-unanswered' },
                  'Op deze vraag is (nog) geen antwoord gevonden.',
                ),
          ),
        ),
      ),
    view.annexes.map((p) => passageBlock(p, view.queryMarks?.[p.id])),
  );
}
