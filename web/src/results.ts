// The result list: one card per passage (or per document when grouped), and the pagination.
import type { Entity } from '../../src/model/document.ts';
import type { SearchHit } from '../../src/search/query.ts';
import { h } from './dom.ts';
import { formatDate, formatEuro, passageLabel, plural } from './format.ts';
import { highlightNodes } from './highlight.ts';
import type { PersonRef } from './state.ts';

export interface HitLinks {
  /** Page URL of the hit's document view. */
  documentUrl: (hit: SearchHit) => string;
  onOpen: (event: MouseEvent, hit: SearchHit) => void;
  /** A name that opens the person's page. */
  person: (person: PersonRef) => HTMLElement;
}

export function vatLabel(vat: 'incl' | 'excl' | null): string {
  return vat === 'incl' ? ' incl. btw' : vat === 'excl' ? ' excl. btw' : '';
}

/** Organisations (once each) and amounts named in a passage, as chips. */
function entityChips(entities: Entity[]): HTMLElement | null {
  const organisations = [
    ...new Set(entities.flatMap((e) => (e.type === 'organisation' ? [e.canonical] : []))),
  ];
  const amounts = entities.flatMap((e) => (e.type === 'amount' ? [e] : []));
  if (organisations.length === 0 && amounts.length === 0) return null;
  return h(
    'ul',
    { class: 'chips', 'aria-label': 'Genoemd in deze passage' },
    organisations.map((name) =>
      h('li', { class: 'chip chip-organisation', title: 'Organisatie' }, name),
    ),
    amounts.map((amount) =>
      h(
        'li',
        { class: 'chip chip-amount', title: `Bedrag, in de tekst: “${amount.text}”` },
        formatEuro(amount.value) + vatLabel(amount.vat),
      ),
    ),
  );
}

/** "12 maart 2021 · Jan Peeters (N-VA) → Hilde Crevits", the names linking to their pages. */
function hitMeta(hit: SearchHit, links: HitLinks): HTMLElement {
  const asker = hit.asker && [
    links.person({ name: hit.asker, role: 'asker' }),
    hit.party ? ` (${hit.party})` : '',
  ];
  const minister = hit.minister && links.person({ name: hit.minister, role: 'minister' });
  const date = formatDate(hit.date);
  return h(
    'p',
    { class: 'hit-meta' },
    date,
    date && (asker || minister) ? ' · ' : '',
    asker,
    asker && minister ? ' → ' : '',
    minister,
  );
}

function renderHit(hit: SearchHit, links: HitLinks): HTMLElement {
  const link = h(
    'a',
    { href: links.documentUrl(hit) },
    hit.titleHighlight ? highlightNodes(hit.titleHighlight) : (hit.title ?? 'Zonder titel'),
  );
  link.addEventListener('click', (event) => links.onOpen(event, hit));
  return h(
    'li',
    { class: 'hit', 'data-id': hit.id },
    h(
      'div',
      { class: 'hit-head' },
      h('span', { class: `badge badge-${hit.type}` }, passageLabel(hit.type, hit.number)),
      h('h3', { class: 'hit-title' }, link),
    ),
    hitMeta(hit, links),
    hit.highlights.length > 0 &&
      h(
        'div',
        { class: 'snippets' },
        hit.highlights.map((fragment) => h('p', { class: 'snippet' }, highlightNodes(fragment))),
      ),
    entityChips(hit.entities),
    hit.matchingPassages !== undefined &&
      h(
        'p',
        { class: 'matching' },
        `${plural(hit.matchingPassages, 'passage', 'passages')} in dit document`,
      ),
  );
}

export function renderHits(hits: SearchHit[], links: HitLinks): HTMLElement {
  return h(
    'ol',
    { class: 'hits' },
    hits.map((hit) => renderHit(hit, links)),
  );
}

/** Page links: previous, a window of numbers around the current page, next. */
export function renderPagination(
  page: number,
  pageCount: number,
  pageHref: (page: number) => string,
  onPage: (event: MouseEvent, page: number) => void,
): HTMLElement | null {
  if (pageCount <= 1) return null;
  const link = (target: number, text: string, label: string, rel?: string) => {
    const a = h('a', { href: pageHref(target), 'aria-label': label, rel }, text);
    a.addEventListener('click', (event) => onPage(event, target));
    return a;
  };
  const numbers = new Set([1, pageCount]);
  for (let p = Math.max(1, page - 2); p <= Math.min(pageCount, page + 2); p++) numbers.add(p);
  const items: HTMLElement[] = [];
  let previous = 0;
  for (const p of [...numbers].sort((a, b) => a - b)) {
    if (p - previous > 1) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(
      h(
        'li',
        {},
        p === page
          ? h('span', { class: 'current', 'aria-current': 'page' }, String(p))
          : link(p, String(p), `Pagina ${p}`),
      ),
    );
    previous = p;
  }
  return h(
    'ul',
    {},
    h('li', {}, page > 1 ? link(page - 1, '‹ Vorige', 'Vorige pagina', 'prev') : null),
    items,
    h('li', {}, page < pageCount ? link(page + 1, 'Volgende ›', 'Volgende pagina', 'next') : null),
  );
}
