// The search page: reads its state from the URL, renders results or a document, and turns every
// user action into a new URL (pushState), so links, reloads and back/forward all reproduce the view.
import type { FacetName, SearchHit, SearchResult } from '../../src/search/query.ts';
import {
  ApiError,
  exportUrl,
  getDocument,
  search,
  similarToDocument,
  similarToDraft,
} from './api.ts';
import { renderDocument } from './document-view.ts';
import { byId, h } from './dom.ts';
import { facetLabels, renderFacets } from './facets.ts';
import { formatCount, plural, passageTypeLabels } from './format.ts';
import { renderHistogram } from './histogram.ts';
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
} from './state.ts';
import { renderQueryNotes } from './query-notes.ts';

const TYPING_DELAY_MS = 250;
const SLOW_SEARCH_MS = 500;
/** Elasticsearch pages by offset up to 10,000 results (index.max_result_window); beyond, refine. */
const BROWSABLE_RESULTS = 10_000;

const input = byId<HTMLInputElement>('q');
const form = byId<HTMLFormElement>('search-form');
const resultsView = byId('results-view');
const documentView = byId('document-view');
const filtersPanel = byId<HTMLDetailsElement>('filters-panel');
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
const amountMin = byId<HTMLInputElement>('amount-min');
const amountMax = byId<HTMLInputElement>('amount-max');
const dateFrom = byId<HTMLInputElement>('date-from');
const dateTo = byId<HTMLInputElement>('date-to');

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

function navigate(next: PageState, options: { typing?: boolean; hash?: string } = {}): void {
  const replace = options.typing === true && typingEntry;
  typingEntry = options.typing === true;
  state = next;
  const url = pageUrl(next) + (options.hash ?? '');
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

/** A new search: filters or query changed, so back to page 1 and out of the document view. */
function searchWith(change: Partial<PageState>, options: { typing?: boolean } = {}): void {
  navigate({ ...state, ...change, page: 1, doc: null }, options);
}

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

function syncControls(): void {
  if (!(document.activeElement === input && typingEntry)) input.value = state.q;
  sortSelect.value = state.sort;
  groupCheckbox.checked = state.groupByDocument;
  amountMin.value = state.amountMin;
  amountMax.value = state.amountMax;
  dateFrom.value = state.dateFrom;
  dateTo.value = state.dateTo;
  clearFilters.hidden = !hasFilters(state);
  const params = searchParams(state);
  exportCsv.href = exportUrl('csv', params);
  exportXlsx.href = exportUrl('xlsx', params);
}

async function render(): Promise<void> {
  syncControls();
  if (state.doc) await showDocument(state.doc);
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

async function showResults(): Promise<void> {
  documentView.hidden = true;
  resultsView.hidden = false;
  showDraftResults();
  document.title = state.q.trim()
    ? `${state.q.trim()} — Vraagbaak`
    : 'Vraagbaak — schriftelijke vragen doorzoeken';
  const params = resultParams(state);
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
    const result = await search(params, controller.signal);
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

function renderResults(result: SearchResult): void {
  const grouped = state.groupByDocument;
  const q = state.q.trim();
  status.textContent =
    plural(result.total, grouped ? 'document' : 'treffer', grouped ? 'documenten' : 'treffers') +
    (q ? ` voor „${q}”` : '');
  exportBox.hidden = result.total === 0;
  facetsBox.replaceChildren(
    ...renderFacets(
      result.facets,
      state.filters,
      (facet, value, on) =>
        searchWith({
          filters: { ...state.filters, [facet]: toggleValue(state.filters[facet], value, on) },
        }),
      () => renderResults(result),
    ),
  );
  const histogram = renderHistogram(result.histogram, state.filters.year, (year) =>
    searchWith({
      filters: {
        ...state.filters,
        year: toggleValue(state.filters.year, year, !state.filters.year.includes(year)),
      },
    }),
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
      `Alleen de eerste ${formatCount(BROWSABLE_RESULTS)} treffers zijn door te bladeren: verfijn de zoekopdracht of exporteer de resultaten.`,
    );
  pagination.replaceChildren(...[pages, beyond].filter((node) => node instanceof Node));
}

function pastLastPageMessage(): HTMLElement {
  const first = h('a', { href: pageUrl({ ...state, page: 1 }) }, 'Naar de eerste pagina');
  first.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate({ ...state, page: 1 });
  });
  return h(
    'div',
    { class: 'notice' },
    h('h3', {}, `Pagina ${state.page} bestaat niet voor deze zoekopdracht`),
    first,
  );
}

function openDocument(event: MouseEvent, hit: SearchHit): void {
  if (!isPlainClick(event)) return;
  event.preventDefault();
  navigate({ ...state, doc: hit.documentId }, { hash: `#${hit.id}` });
}

/** Removable chips for the filters in force, above the results. */
function renderActiveFilters(): void {
  const chips = facetNames.flatMap((facet: FacetName) =>
    state.filters[facet].map((value) => {
      const label =
        facet === 'type'
          ? (passageTypeLabels[value as keyof typeof passageTypeLabels] ?? value)
          : value;
      const button = h(
        'button',
        {
          type: 'button',
          class: 'filter-chip',
          'aria-label': `Filter ${facetLabels[facet]}: ${label} verwijderen`,
        },
        `${facetLabels[facet]}: ${label}`,
        h('span', { 'aria-hidden': 'true' }, ' ×'),
      );
      button.addEventListener('click', () =>
        searchWith({
          filters: { ...state.filters, [facet]: toggleValue(state.filters[facet], value, false) },
        }),
      );
      return button;
    }),
  );
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
      h('li', {}, 'Met woord* vind je ook langere woorden die zo beginnen.'),
      hasFilters(state) && h('li', {}, 'Of verruim de zoekopdracht door filters te wissen.'),
    ),
    clear,
  );
}

function failureNotice(error: unknown): HTMLElement {
  const known = error instanceof ApiError ? error : null;
  if (!known) console.error(error);
  return h(
    'div',
    { class: `notice ${known?.kind === 'invalid' ? 'warning' : 'error'}`, role: 'alert' },
    h('h3', {}, known?.message ?? 'Er ging iets mis bij het zoeken.'),
    known?.detail && h('p', { class: 'detail' }, `Reden: ${known.detail}`),
  );
}

function renderFailure(error: unknown): void {
  status.textContent = '';
  exportBox.hidden = true;
  facetsBox.replaceChildren();
  chart.replaceChildren();
  hitsBox.replaceChildren();
  pagination.replaceChildren();
  renderActiveFilters();
  message.replaceChildren(failureNotice(error));
}

let documentRequest: AbortController | null = null;

async function showDocument(id: string): Promise<void> {
  resultsView.hidden = true;
  documentView.hidden = false;
  window.scrollTo(0, 0);
  const back = h(
    'a',
    { href: pageUrl({ ...state, doc: null }), class: 'back' },
    '← Terug naar de resultaten',
  );
  back.addEventListener('click', (event) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate({ ...state, doc: null });
  });
  documentView.replaceChildren(h('p', { class: 'loading' }, 'Document laden…'));
  documentRequest?.abort();
  const controller = new AbortController();
  documentRequest = controller;
  try {
    const record = await getDocument(id, state.q, controller.signal);
    if (documentRequest !== controller) return;
    const article = renderDocument(record, back);
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
    if (input.value !== state.q || state.doc) searchWith({ q: input.value }, { typing: true });
  }, TYPING_DELAY_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  suggestions.close();
  if (input.value !== state.q || state.doc) searchWith({ q: input.value }, { typing: typingEntry });
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
  navigate(readState(''));
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

// Filters are open beside the results on a wide screen, folded away on a phone.
filtersPanel.open = window.matchMedia('(min-width: 56rem)').matches;
void render();
