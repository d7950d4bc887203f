// A person's page, for askers and ministers alike: their questions (or the questions put to them)
// over time, the themes, the parties involved, the people on the other side, the latest documents.
// Built from one grouped search filtered on the person, so every count is of documents.
import type { FacetCount, FacetName, SearchResult } from '../../src/search/query.ts';
import { h } from './dom.ts';
import { formatCount, formatDate, plural, readableValue } from './format.ts';
import { renderHistogram } from './histogram.ts';
import type { PersonRef } from './state.ts';

const TOP_VALUES = 10;

export interface PersonLinks {
  /** The results page for this person, narrowed by one more filter (or none). */
  results: (filter?: { facet: FacetName; value: string }) => HTMLAnchorElement;
  /** A document's view. */
  document: (documentId: string, title: string) => HTMLAnchorElement;
  /** Another person's page. */
  person: (person: PersonRef) => HTMLElement;
  feed: string;
  /** The results for this person in one year (a click on the chart). */
  onYear: (year: string) => void;
}

const roleNames: Record<PersonRef['role'], string> = {
  asker: 'Vraagsteller',
  minister: 'Minister',
};

function valueList(
  title: string,
  facet: FacetName,
  counts: FacetCount[],
  item: (value: string) => Node,
): HTMLElement | null {
  if (counts.length === 0) return null;
  return h(
    'section',
    { class: 'person-facet', 'data-facet': facet },
    h('h3', {}, title),
    h(
      'ul',
      {},
      counts
        .slice(0, TOP_VALUES)
        .map(({ value, count }) =>
          h('li', {}, item(value), h('span', { class: 'facet-count' }, formatCount(count))),
        ),
    ),
  );
}

export function renderPerson(
  person: PersonRef,
  result: SearchResult,
  backLink: HTMLElement,
  links: PersonLinks,
): HTMLElement {
  const years = result.histogram.map((bar) => bar.year);
  const span =
    years.length > 0
      ? years.length === 1
        ? ` in ${years[0]}`
        : ` van ${Math.min(...years)} tot ${Math.max(...years)}`
      : '';
  const counted =
    person.role === 'asker'
      ? `${plural(result.total, 'schriftelijke vraag', 'schriftelijke vragen')} gesteld${span}`
      : `${plural(result.total, 'schriftelijke vraag', 'schriftelijke vragen')} gekregen${span}`;
  const histogram = renderHistogram(result.histogram, [], links.onYear, 'documents');
  const filterLink = (facet: FacetName) => (value: string) => {
    const link = links.results({ facet, value });
    link.textContent = facet === 'theme' ? readableValue(value) : value;
    return link;
  };
  const otherSide: PersonRef['role'] = person.role === 'asker' ? 'minister' : 'asker';
  return h(
    'article',
    { class: 'person' },
    h('nav', { class: 'doc-nav', 'aria-label': 'Persoon' }, backLink),
    h(
      'header',
      { class: 'doc-header' },
      h('p', { class: 'doc-kicker' }, roleNames[person.role]),
      h('h2', { id: 'person-title', tabindex: -1 }, person.name),
      h('p', { class: 'person-summary' }, counted, '.'),
      h(
        'p',
        { class: 'person-actions' },
        (() => {
          const all = links.results();
          all.textContent = 'Alle vragen in de zoekresultaten';
          return all;
        })(),
        ' · ',
        h('a', { href: links.feed, class: 'feed-link' }, 'Volg deze persoon (Atom-feed)'),
      ),
    ),
    histogram && h('div', { class: 'person-chart' }, histogram),
    h(
      'div',
      { class: 'person-facets' },
      valueList('Thema’s', 'theme', result.facets.theme, filterLink('theme')),
      valueList('Partijen', 'party', result.facets.party, filterLink('party')),
      valueList(
        otherSide === 'minister' ? 'Gericht aan' : 'Gesteld door',
        otherSide,
        result.facets[otherSide],
        (value) => links.person({ name: value, role: otherSide }),
      ),
    ),
    h(
      'section',
      { class: 'person-documents' },
      h('h3', {}, 'Laatste vragen'),
      h(
        'ol',
        { class: 'person-list' },
        result.hits.map((hit) =>
          h(
            'li',
            {},
            links.document(hit.documentId, hit.title ?? 'Zonder titel'),
            hit.date ? h('span', { class: 'hit-meta' }, ` · ${formatDate(hit.date)}`) : null,
          ),
        ),
      ),
    ),
  );
}
