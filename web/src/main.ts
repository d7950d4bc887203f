// The search page: reads its state from the URL, renders results, a document or a person, and turns
// every user action into a new URL (pushState), so links, reloads and back/forward all reproduce
// the view.
import type { FacetCount, FacetName, SearchHit, SearchResult } from '../../src/search/query.ts';
import { parseTypedAmount } from './amount-input.ts';
import {
  ApiError,
  coverage,
  exportUrl,
  facetValues,
  feedUrl,
  getDocument,
  search,
  type Coverage,
  similarToDocument,
  similarToDraft,
} from './api.ts';
import { renderDocument } from './document-view.ts';
import { byId, h } from './dom.ts';
import { filterDrawer } from './drawer.ts';
import { facetByName } from '../../src/model/facets.ts';
import { renderFacets, valueLabel } from './facets.ts';
import { formatCount, formatDate, formatEuro, plural } from './format.ts';
import { renderHistogram } from './histogram.ts';
import { renderPerson } from './person-view.ts';
import { renderHits, renderPagination } from './results.ts';
import { similarFilters, similarLoader, type SimilarLinks } from './similar.ts';
import { attachSuggestions } from './suggestions.ts';
import {
  PAGE_SIZE,
  emptyFilters,
  facetNames,
  hasFilters,
  pageUrl,
  readState,
  resultParams,
  searchParams,
  toggleValue,
  type PageState,
  type PersonRef,
} from './state.ts';
import { renderQueryNotes } from './query-notes.ts';

const TYPING_DELAY_MS = 250;
const SLOW_SEARCH_MS = 500;
/** Elasticsearch pages by offset up to 10,000 results (index.max_result_window); beyond, refine. */
const BROWSABLE_RESULTS = 10_000;
/** Documents listed on a person's page. */
const PERSON_DOCUMENTS = 20;

const input = byId<HTMLInputElement>('q');
const form = byId<HTMLFormElement>('search-form');
const resultsView = byId('results-view');
const resultsSection = byId('results');
const documentView = byId('document-view');
const personView = byId('person-view');
const coverageLine = byId('coverage');
const facetsBox = byId('facets');
const clearFilters = byId<HTMLButtonElement>('clear-filters');
const chart = byId('chart');
const status = byId('status');
const activeFilters = byId('active-filters');
const message = byId('message');
const hitsBox = byId('hits');
const pagination = byId('pagination');
const sortSelect = byId<HTMLSelectElement>('sort');
const groupCheckbox = byId<HTMLInputElement>('group');
const exportBox = byId('export');
const exportCsv = byId<HTMLAnchorElement>('export-csv');
const exportXlsx = byId<HTMLAnchorElement>('export-xlsx');
const feedLink = byId<HTMLAnchorElement>('feed-link');
const feedAlternate = byId<HTMLLinkElement>('feed-alternate');
const amountMin = byId<HTMLInputElement>('amount-min');
const amountMax = byId<HTMLInputElement>('amount-max');
const dateFrom = byId<HTMLInputElement>('date-from');
const dateTo = byId<HTMLInputElement>('date-to');
const showResultsButton = byId<HTMLButtonElement>('show-results');

filterDrawer(
  byId('filters'),
  byId<HTMLButtonElement>('open-filters'),
  [byId<HTMLButtonElement>('close-filters'), showResultsButton],
  [
    document.querySelector<HTMLElement>('.site-header')!,
    document.querySelector<HTMLElement>('.search-band')!,
    document.querySelector<HTMLElement>('.site-footer')!,
    resultsSection,
    coverageLine,
  ],
);

const draftForm = byId<HTMLFormElement>('draft-form');
const draftInput = byId<HTMLTextAreaElement>('draft');
const loadDraftResults = similarLoader(byId('draft-results'));

let state = readState(location.search);
/** The draft last submitted in the "Eerder gesteld?" box; its results follow the filters. */
let draft = '';
/** The last search result and the request it answered, so returning from a document needs no new request. */
let shown: { key: string; result: SearchResult } | null = null;
let pending: AbortController | null = null;
/** While typing, one history entry is updated instead of one pushed per keystroke. */
let typingEntry = false;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** Every value of the facets the user opened ("Toon alle"), for the search they were loaded for. */
let openedFacets: { key: string; values: Partial<Record<FacetName, FacetCount[]>> } = {
  key: '',
  values: {},
};

function navigate(next: PageState, options: { typing?: boolean; hash?: string } = {}): void {
  const replace = options.typing === true && typingEntry;
  typingEntry = options.typing === true;
  state = next;
  const url = pageUrl(next) + (options.hash ?? '');
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

/** A new search: filters or query changed, so back to page 1 and out of any document or person. */
function searchWith(change: Partial<PageState>, options: { typing?: boolean } = {}): void {
  navigate({ ...state, ...change, page: 1, doc: null, person: null }, options);
}

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** A link within the page: a plain click navigates without reloading. */
function pageLink(target: PageState, text: string, attributes = {}): HTMLAnchorElement {
  const link = h('a', { href: pageUrl(target), ...attributes }, text);
  link.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(target);
  });
  return link;
}

const startState = (): PageState => readState('');

/** A name as a link to the person's page. */
function personLink(person: PersonRef): HTMLElement {
  return pageLink({ ...startState(), person }, person.name, {
    class: 'person-link',
    'data-role': person.role,
  });
}

const amountText = (value: string) =>
  value ? new Intl.NumberFormat('nl-BE').format(Number(value)) : '';

function syncControls(): void {
  if (!(document.activeElement === input && typingEntry)) input.value = state.q;
  // Without search text there is no relevance to order by: the newest come first, and say so.
  const hasText = state.q.trim() !== '';
  sortSelect.value = hasText ? state.sort : 'date';
  sortSelect.options[0]!.disabled = !hasText;
  groupCheckbox.checked = state.groupByDocument;
  for (const [control, value] of [
    [amountMin, state.amountMin],
    [amountMax, state.amountMax],
  ] as const) {
    if (document.activeElement !== control) control.value = amountText(value);
    control.removeAttribute('aria-invalid');
  }
  dateFrom.value = state.dateFrom;
  dateTo.value = state.dateTo;
  clearFilters.hidden = !hasFilters(state);
  const params = searchParams(state);
  exportCsv.href = exportUrl('csv', params);
  exportXlsx.href = exportUrl('xlsx', params);
  feedLink.href = feedUrl(params);
  feedAlternate.href = feedUrl(params);
}

async function render(): Promise<void> {
  syncControls();
  if (state.doc) await showDocument(state.doc);
  else if (state.person) await showPerson(state.person);
  else await showResults();
}

const similarLinks: SimilarLinks = {
  documentUrl: (id) => pageUrl({ ...state, doc: id }),
  onOpen: (event, id) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate({ ...state, doc: id });
  },
};

function showDraftResults(): void {
  if (!draft) return;
  const filters = similarFilters(state);
  const text = draft;
  void loadDraftResults(
    `${text}\u0000${filters}`,
    (signal) => similarToDraft(text, filters, signal),
    similarLinks,
  );
}

/** "Vergelijkbare vragen" below the open document, within the filters in force. */
function showSimilarDocuments(id: string, article: HTMLElement): void {
  const target = h('div', { class: 'similar-documents', 'aria-live': 'polite' });
  article.append(
    h(
      'section',
      { class: 'similar-section', 'aria-labelledby': 'similar-title' },
      h('h3', { id: 'similar-title' }, 'Vergelijkbare vragen'),
      target,
    ),
  );
  const filters = similarFilters(state);
  void similarLoader(target)(
    `${id}\u0000${filters}`,
    (signal) => similarToDocument(id, filters, signal),
    similarLinks,
  );
}

function showOnly(view: HTMLElement): void {
  for (const candidate of [resultsView, documentView, personView])
    candidate.hidden = candidate !== view;
}

async function showResults(): Promise<void> {
  showOnly(resultsView);
  showDraftResults();
  document.title = state.q.trim()
    ? `${state.q.trim()} — Vraagbaak`
    : 'Vraagbaak — schriftelijke vragen doorzoeken';
  const typing = typingEntry && document.activeElement === input;
  const params = resultParams(state, typing);
  const key = params.toString();
  if (shown?.key === key) {
    renderResults(shown.result);
    return;
  }
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  resultsView.setAttribute('aria-busy', 'true');
  // Only a slow answer (an engine that takes its time to fail, say) is announced as pending.
  const slow = setTimeout(() => {
    if (pending === controller) status.textContent = 'Bezig met zoeken…';
  }, SLOW_SEARCH_MS);
  try {
    let result = await search(params, controller.signal);
    // A prefix search while typing that finds nothing is asked again as written, so relaxed
    // matching and "did you mean" (which work on plain words) can answer it.
    if (typing && result.total === 0 && pending === controller)
      result = await search(resultParams(state, false), controller.signal);
    if (pending !== controller) return;
    shown = { key, result };
    renderResults(result);
  } catch (error) {
    if (controller.signal.aborted) return;
    shown = null;
    renderFailure(error);
  } finally {
    clearTimeout(slow);
    if (pending === controller) resultsView.removeAttribute('aria-busy');
  }
}

/** The engine's counts, asked once: the start page says what the search covers. */
let counts: Promise<Coverage> | null = null;

/** "Vlaams Parlement en Kamer van volksvertegenwoordigers": the parliaments, most questions first. */
function parliamentList(counts: FacetCount[]): string {
  const names = counts.map((count) => count.value);
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`
    : (names[0] ?? '');
}

/**
 * On the start page (no text, no filter), whose search matches everything so its chart spans every
 * year and its parliament facet lists every parliament: what the search covers.
 */
async function showCoverage(result: SearchResult): Promise<void> {
  const start = !state.q.trim() && !hasFilters(state);
  coverageLine.hidden = true;
  if (!start) return;
  counts ??= coverage();
  try {
    const { documents, passages } = await counts;
    const years = result.histogram.map((bar) => bar.year);
    const span =
      years.length > 1
        ? ` uit ${Math.min(...years)} tot ${Math.max(...years)}`
        : years.length === 1
          ? ` uit ${years[0]}`
          : '';
    const parliaments = result.facets.parliament;
    const from = parliaments.length > 0 ? ` — ${parliamentList(parliaments)}` : '';
    coverageLine.textContent = `Vraagbaak doorzoekt ${plural(documents, 'schriftelijke vraag', 'schriftelijke vragen')}${span} met hun antwoorden (${plural(passages, 'passage', 'passages')})${from}. Zonder zoekwoorden staan de nieuwste eerst.`;
    coverageLine.hidden = shown?.result !== result || resultsView.hidden;
  } catch {
    counts = null; // The results area already says when the engine is unreachable.
  }
}

function currentOpenedFacets(): Partial<Record<FacetName, FacetCount[]>> {
  return openedFacets.key === searchParams(state).toString() + state.groupByDocument
    ? openedFacets.values
    : {};
}

async function showAllValues(facet: FacetName): Promise<void> {
  const params = searchParams(state);
  if (state.groupByDocument) params.set('groupBy', 'document');
  const key = searchParams(state).toString() + state.groupByDocument;
  try {
    const values = await facetValues(facet, params);
    openedFacets = {
      key,
      values: { ...(openedFacets.key === key ? openedFacets.values : {}), [facet]: values },
    };
    if (shown) renderResults(shown.result);
    facetsBox.querySelector<HTMLElement>(`[data-facet="${facet}"] .facet-search`)?.focus();
  } catch (error) {
    renderFailure(error);
  }
}

function renderResults(result: SearchResult): void {
  const grouped = state.groupByDocument;
  const q = state.q.trim();
  status.textContent =
    plural(result.total, grouped ? 'document' : 'treffer', grouped ? 'documenten' : 'treffers') +
    (q ? ` voor „${q}”` : '');
  showResultsButton.textContent = `Toon ${plural(result.total, 'resultaat', 'resultaten')}`;
  void showCoverage(result);
  exportBox.hidden = result.total === 0;
  facetsBox.replaceChildren(
    ...renderFacets(
      {
        facets: result.facets,
        facetTotals: result.facetTotals,
        opened: currentOpenedFacets(),
        grouped,
      },
      state.filters,
      {
        onToggle: (facet, value, on) =>
          searchWith({
            filters: { ...state.filters, [facet]: toggleValue(state.filters[facet], value, on) },
          }),
        onShowAll: (facet) => void showAllValues(facet),
        onShowFewer: (facet) => {
          const values = { ...openedFacets.values };
          delete values[facet];
          openedFacets = { ...openedFacets, values };
          renderResults(result);
        },
      },
    ),
  );
  const histogram = renderHistogram(
    result.histogram,
    state.filters.year,
    (year) =>
      searchWith({
        filters: {
          ...state.filters,
          year: toggleValue(state.filters.year, year, !state.filters.year.includes(year)),
        },
      }),
    state.groupByDocument ? 'documents' : 'passages',
  );
  chart.replaceChildren(...(histogram ? [histogram] : []));
  renderActiveFilters();
  message.replaceChildren(
    ...renderQueryNotes(result, (q) => ({
      href: pageUrl({ ...state, q, page: 1, doc: null }),
      onClick: (event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        searchWith({ q });
      },
    })),
    ...(result.total === 0
      ? [emptyMessage()]
      : result.hits.length === 0
        ? [pastLastPageMessage()]
        : []),
  );
  hitsBox.replaceChildren(
    renderHits(result.hits, {
      documentUrl: (hit) => pageUrl({ ...state, doc: hit.documentId }) + `#${hit.id}`,
      onOpen: (event, hit) => openDocument(event, hit),
      person: personLink,
    }),
  );
  const pageCount = Math.min(
    Math.floor(BROWSABLE_RESULTS / PAGE_SIZE),
    Math.ceil(result.total / PAGE_SIZE),
  );
  const pages = renderPagination(
    state.page,
    pageCount,
    (page) => pageUrl({ ...state, page }),
    (event, page) => {
      if (!isPlainClick(event)) return;
      event.preventDefault();
      navigate({ ...state, page });
      byId('results-title').scrollIntoView();
      hitsBox.querySelector('a')?.focus({ preventScroll: true });
    },
  );
  const beyond =
    result.total > BROWSABLE_RESULTS &&
    h(
      'p',
      { class: 'pagination-note' },
      `Alleen de eerste ${formatCount(BROWSABLE_RESULTS)} treffers zijn door te bladeren: verfijn de zoekopdracht of exporteer de resultaten (een export bevat alle treffers).`,
    );
  pagination.replaceChildren(...[pages, beyond].filter((node) => node instanceof Node));
}

function pastLastPageMessage(): HTMLElement {
  return h(
    'div',
    { class: 'notice' },
    h('h3', {}, `Pagina ${state.page} bestaat niet voor deze zoekopdracht`),
    pageLink({ ...state, page: 1 }, 'Naar de eerste pagina'),
  );
}

function openDocument(event: MouseEvent, hit: SearchHit): void {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  navigate({ ...state, doc: hit.documentId }, { hash: `#${hit.id}` });
}

function chip(label: string, onRemove: () => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'filter-chip', 'aria-label': `Filter ${label} verwijderen` },
    label,
    h('span', { 'aria-hidden': 'true' }, ' ×'),
  );
  button.addEventListener('click', onRemove);
  return button;
}

/** Removable chips for the filters in force (facets, amounts, dates), above the results. */
function renderActiveFilters(): void {
  const chips = facetNames.flatMap((facet: FacetName) =>
    state.filters[facet].map((value) =>
      chip(`${facetByName[facet].label}: ${valueLabel(facet, value)}`, () =>
        searchWith({
          filters: { ...state.filters, [facet]: toggleValue(state.filters[facet], value, false) },
        }),
      ),
    ),
  );
  const ranges: [keyof PageState, string, (value: string) => string][] = [
    ['amountMin', 'Bedrag vanaf', (v) => formatEuro(Number(v))],
    ['amountMax', 'Bedrag tot', (v) => formatEuro(Number(v))],
    ['dateFrom', 'Datum vanaf', (v) => formatDate(v) ?? v],
    ['dateTo', 'Datum tot', (v) => formatDate(v) ?? v],
  ];
  for (const [field, label, format] of ranges) {
    const value = state[field] as string;
    if (value) chips.push(chip(`${label}: ${format(value)}`, () => searchWith({ [field]: '' })));
  }
  activeFilters.replaceChildren(
    ...(chips.length > 0 ? [h('div', { class: 'filter-chips' }, chips)] : []),
  );
}

function clearAllFilters(): void {
  searchWith({ filters: emptyFilters(), amountMin: '', amountMax: '', dateFrom: '', dateTo: '' });
}

function emptyMessage(): HTMLElement {
  const clear =
    hasFilters(state) && h('button', { type: 'button', class: 'secondary' }, 'Alle filters wissen');
  if (clear) clear.addEventListener('click', clearAllFilters);
  const q = state.q.trim();
  return h(
    'div',
    { class: 'notice' },
    h('h3', {}, q ? `Geen resultaten voor „${q}”` : 'Geen resultaten'),
    h(
      'ul',
      {},
      h('li', {}, 'Controleer de spelling of gebruik andere of minder woorden.'),
      h('li', {}, 'Met woord* vindt u ook langere woorden die zo beginnen.'),
      hasFilters(state) && h('li', {}, 'Of verruim de zoekopdracht door filters te wissen.'),
    ),
    clear,
  );
}

function failureNotice(error: unknown): HTMLElement {
  const known = error instanceof ApiError ? error : null;
  if (!known) console.error(error);
  const retry =
    (known === null || known.kind === 'unavailable' || known.kind === 'failed') &&
    h('button', { type: 'button', class: 'secondary retry' }, 'Opnieuw proberen');
  if (retry)
    retry.addEventListener('click', () => {
      shown = null;
      void render();
    });
  return h(
    'div',
    { class: `notice ${known?.kind === 'invalid' ? 'warning' : 'error'}`, role: 'alert' },
    h('h3', {}, known?.message ?? 'Er ging iets mis bij het zoeken.'),
    known?.detail && h('p', { class: 'detail' }, known.detail),
    retry,
  );
}

function renderFailure(error: unknown): void {
  status.textContent = '';
  exportBox.hidden = true;
  chart.replaceChildren();
  hitsBox.replaceChildren();
  pagination.replaceChildren();
  renderActiveFilters();
  message.replaceChildren(failureNotice(error));
}

function backToResults(): HTMLElement {
  return pageLink({ ...state, doc: null, person: null }, '← Terug naar de resultaten', {
    class: 'back',
  });
}

let documentRequest: AbortController | null = null;

async function showDocument(id: string): Promise<void> {
  showOnly(documentView);
  coverageLine.hidden = true;
  window.scrollTo(0, 0);
  const back = backToResults();
  documentView.replaceChildren(h('p', { class: 'loading' }, 'Document laden…'));
  documentRequest?.abort();
  const controller = new AbortController();
  documentRequest = controller;
  try {
    const record = await getDocument(id, state.q, controller.signal);
    if (documentRequest !== controller) return;
    const article = renderDocument(record, back, { person: personLink });
    documentView.replaceChildren(article);
    showSimilarDocuments(id, article);
    document.title = `${record.document.title ?? 'Document'} — Vraagbaak`;
    const target = location.hash
      ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
      : null;
    if (target) {
      target.classList.add('target');
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    } else byId('document-title').focus();
  } catch (error) {
    if (controller.signal.aborted) return;
    documentView.replaceChildren(h('nav', { class: 'doc-nav' }, back), failureNotice(error));
  }
}

async function showPerson(person: PersonRef): Promise<void> {
  showOnly(personView);
  coverageLine.hidden = true;
  window.scrollTo(0, 0);
  const back = backToResults();
  personView.replaceChildren(h('p', { class: 'loading' }, 'Gegevens laden…'));
  document.title = `${person.name} — Vraagbaak`;
  const filters = { ...emptyFilters(), [person.role]: [person.name] };
  const personSearch = { ...startState(), filters, sort: 'date' as const, groupByDocument: true };
  const params = resultParams(personSearch);
  params.set('size', String(PERSON_DOCUMENTS));
  try {
    const result = await search(params);
    if (state.person?.name !== person.name) return;
    personView.replaceChildren(
      renderPerson(person, result, back, {
        results: (filter) =>
          pageLink(
            {
              ...personSearch,
              groupByDocument: false,
              filters: filter
                ? { ...filters, [filter.facet]: [...filters[filter.facet], filter.value] }
                : filters,
            },
            '',
          ),
        document: (documentId, title) => pageLink({ ...startState(), doc: documentId }, title),
        person: personLink,
        feed: feedUrl(searchParams(personSearch)),
        onYear: (year) => navigate({ ...personSearch, filters: { ...filters, year: [year] } }),
      }),
    );
    byId('person-title').focus();
  } catch (error) {
    personView.replaceChildren(h('nav', { class: 'doc-nav' }, back), failureNotice(error));
  }
}

const suggestions = attachSuggestions(input, byId('suggestions'), (suggestion) => {
  clearTimeout(typingTimer);
  if (suggestion.kind === 'title') {
    input.value = suggestion.value;
    searchWith({ q: suggestion.value });
    return;
  }
  // A person or organisation becomes a filter, which is exact where the words would be loose.
  const facet = suggestion.kind;
  input.value = '';
  searchWith({
    q: '',
    filters: {
      ...state.filters,
      [facet]: toggleValue(state.filters[facet], suggestion.value, true),
    },
  });
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => {
    if (input.value !== state.q || state.doc || state.person)
      searchWith({ q: input.value }, { typing: true });
  }, TYPING_DELAY_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  suggestions.close();
  const typed = typingEntry;
  typingEntry = false;
  // Enter ends the typing: the last word is no longer a prefix, so the search runs as written.
  if (input.value !== state.q || state.doc || state.person)
    searchWith({ q: input.value }, { typing: typed });
  else void render();
  typingEntry = false;
});
input.addEventListener('blur', () => {
  typingEntry = false;
});
sortSelect.addEventListener('change', () =>
  searchWith({ sort: sortSelect.value === 'date' ? 'date' : 'relevance' }),
);
groupCheckbox.addEventListener('change', () =>
  searchWith({ groupByDocument: groupCheckbox.checked }),
);
clearFilters.addEventListener('click', clearAllFilters);
draftForm.addEventListener('submit', (event) => {
  event.preventDefault();
  draft = draftInput.value.trim();
  showDraftResults();
});
for (const [field, control] of [
  ['amountMin', amountMin],
  ['amountMax', amountMax],
] as const) {
  control.addEventListener('change', () => {
    const text = control.value.trim();
    const value = text === '' ? '' : parseTypedAmount(text);
    if (value === null) {
      control.setAttribute('aria-invalid', 'true');
      return;
    }
    control.removeAttribute('aria-invalid');
    searchWith({ [field]: value === '' ? '' : String(value) });
  });
}
for (const [field, control] of [
  ['dateFrom', dateFrom],
  ['dateTo', dateTo],
] as const) {
  control.addEventListener('change', () => {
    if (control.validity.valid) searchWith({ [field]: control.value.trim() });
  });
}
byId('home-link').addEventListener('click', (event) => {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  navigate(startState());
  input.focus();
});
// "/" jumps to the search box, as on many search sites.
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key === '/' && !target.closest('input, select, textarea')) {
    event.preventDefault();
    input.focus();
  }
});
window.addEventListener('popstate', () => {
  typingEntry = false;
  state = readState(location.search);
  void render();
});
showResultsButton.addEventListener('click', () => resultsSection.focus());

void render();
