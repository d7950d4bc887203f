// The page's whole state, kept in the URL: a link reproduces the search, back/forward restore it.
// The page URL uses the API's own parameter names, plus `doc` for the open document.
import { facetNames, type FacetName } from '../../src/model/facets.ts';

export { facetNames };

export const PAGE_SIZE = 20;

export type Filters = Record<FacetName, string[]>;

export type PersonRole = 'asker' | 'minister';

export interface PersonRef {
  name: string;
  role: PersonRole;
}

export interface PageState {
  q: string;
  filters: Filters;
  /** Euro as a plain number ("1500000"); empty when unset. */
  amountMin: string;
  amountMax: string;
  /** YYYY-MM-DD; empty when unset. */
  dateFrom: string;
  dateTo: string;
  sort: 'relevance' | 'date';
  page: number;
  groupByDocument: boolean;
  /** Id of the document shown in the document view, null for the results. */
  doc: string | null;
  /** The person whose page is shown, null for the results. */
  person: PersonRef | null;
}

export function emptyFilters(): Filters {
  return Object.fromEntries(facetNames.map((name) => [name, []])) as unknown as Filters;
}

const isAmount = (value: string) => /^\d+(?:\.\d+)?$/.test(value);
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export function readState(search: string): PageState {
  const params = new URLSearchParams(search);
  const filters = emptyFilters();
  for (const name of facetNames) filters[name] = [...new Set(params.getAll(name).filter(Boolean))];
  const text = (name: string, valid: (value: string) => boolean) => {
    const value = params.get(name)?.trim() ?? '';
    return valid(value) ? value : '';
  };
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    filters,
    amountMin: text('amountMin', isAmount),
    amountMax: text('amountMax', isAmount),
    dateFrom: text('dateFrom', isDate),
    dateTo: text('dateTo', isDate),
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    groupByDocument: params.get('groupBy') === 'document',
    doc: params.get('doc') || null,
    person: readPerson(params),
  };
}

function readPerson(params: URLSearchParams): PersonRef | null {
  const name = params.get('person')?.trim();
  const role = params.get('role');
  if (!name) return null;
  return { name, role: role === 'minister' ? 'minister' : 'asker' };
}

/** The search as API parameters, as /api/export takes them: text, filters and order. */
export function searchParams(state: PageState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of facetNames)
    for (const value of state.filters[name]) params.append(name, value);
  if (state.amountMin) params.set('amountMin', state.amountMin);
  if (state.amountMax) params.set('amountMax', state.amountMax);
  if (state.dateFrom) params.set('dateFrom', state.dateFrom);
  if (state.dateTo) params.set('dateTo', state.dateTo);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

/**
 * While typing, the last word also counts as the start of a longer word, so "kinderop" already
 * finds "kinderopvang": `kinderop` becomes `(kinderop | kinderop*)` (the word itself too, since a
 * whole word's stem may be shorter than the word). Only a plain last word is widened.
 */
export function withPrefixLastWord(q: string): string {
  const match = /(^|\s)([\p{L}\p{N}]{2,})$/u.exec(q);
  if (!match || /["()]/.test(q)) return q;
  const word = match[2]!;
  return `${q.slice(0, q.length - word.length)}(${word} | ${word}*)`;
}

/** Parameters of /api/search for the page of results in view (`typing`: the user is still typing). */
export function resultParams(state: PageState, typing = false): URLSearchParams {
  const params = searchParams(state);
  if (typing && params.has('q')) params.set('q', withPrefixLastWord(params.get('q')!));
  if (state.groupByDocument) params.set('groupBy', 'document');
  params.set('page', String(state.page));
  params.set('size', String(PAGE_SIZE));
  return params;
}

/** The page's own URL for a state (relative, query string only). */
export function pageUrl(state: PageState): string {
  const params = searchParams(state);
  if (state.groupByDocument) params.set('groupBy', 'document');
  if (state.page > 1) params.set('page', String(state.page));
  if (state.doc) params.set('doc', state.doc);
  if (state.person) {
    params.set('person', state.person.name);
    params.set('role', state.person.role);
  }
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

export function hasFilters(state: PageState): boolean {
  return (
    facetNames.some((name) => state.filters[name].length > 0) ||
    Boolean(state.amountMin || state.amountMax || state.dateFrom || state.dateTo)
  );
}

export function toggleValue(values: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...values, value])] : values.filter((v) => v !== value);
}
