// Calls to the vraagbaak HTTP API, with failures turned into Dutch messages for the page. The API
// itself answers errors with a stable `code` and a Dutch `message`, which is shown as it is.
import type { DocumentView } from '../../src/api/document-view.ts';
import type { Suggestion } from '../../src/search/backend.ts';
import type { FacetCount, FacetName, SearchResult } from '../../src/search/query.ts';
import type { SimilarResult } from '../../src/search/similar/similar-query.ts';

export type ApiErrorKind = 'unavailable' | 'invalid' | 'not-found' | 'failed';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** The server's own Dutch explanation, when it gave one. */
    readonly detail: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The `code` and Dutch `message` of the API's error body, when it sent one. */
function serverReply(body: unknown): { code: string | null; message: string | null } {
  const { code, message } = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  return {
    code: typeof code === 'string' ? code : null,
    message: typeof message === 'string' ? message : null,
  };
}

/** The API's code for an engine it cannot reach: the page's own message says all there is. */
const UNREACHABLE = 'backend_unavailable';

const UNAVAILABLE =
  'De zoekdienst antwoordt op dit moment niet. Dat ligt niet aan u: probeer het over enkele ogenblikken opnieuw.';

async function getJson<T>(url: string, signal?: AbortSignal, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      signal,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('unavailable', UNAVAILABLE);
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as T;
  const { code, message: detail } = serverReply(body);
  // A busy server or a search stopped for taking too long says so itself (its Dutch message).
  if (response.status === 503 || response.status === 502 || response.status === 504)
    throw new ApiError('unavailable', UNAVAILABLE, code === UNREACHABLE ? null : detail);
  if (response.status === 400)
    throw new ApiError('invalid', 'Deze zoekopdracht is ongeldig.', detail);
  if (response.status === 404)
    throw new ApiError('not-found', 'Dit document bestaat niet (meer).', detail);
  throw new ApiError('failed', `Er ging iets mis bij het zoeken (fout ${response.status}).`);
}

export function search(params: URLSearchParams, signal?: AbortSignal): Promise<SearchResult> {
  return getJson<SearchResult>(`api/search?${params}`, signal);
}

export async function facetValues(
  facet: FacetName,
  params: URLSearchParams,
  signal?: AbortSignal,
): Promise<FacetCount[]> {
  const body = await getJson<{ values: FacetCount[] }>(`api/facets/${facet}?${params}`, signal);
  return body.values;
}

/** A document for the document view; with a search text, where its words are in each passage. */
export function getDocument(id: string, q: string, signal?: AbortSignal): Promise<DocumentView> {
  const query = q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '';
  return getJson<DocumentView>(`api/documents/${encodeURIComponent(id)}${query}`, signal);
}

export interface Coverage {
  documents: number;
  passages: number;
}

export function coverage(signal?: AbortSignal): Promise<Coverage> {
  return getJson<Coverage>('api/health', signal);
}

export async function getSuggestions(prefix: string, signal?: AbortSignal): Promise<Suggestion[]> {
  const params = new URLSearchParams({ q: prefix });
  const body = await getJson<{ suggestions: Suggestion[] }>(`api/suggest?${params}`, signal);
  return body.suggestions;
}

/** Documents like a draft, within the filters (search parameter names, repeated keys as arrays). */
export function similarToDraft(
  text: string,
  filters: URLSearchParams,
  signal?: AbortSignal,
): Promise<SimilarResult> {
  const body: Record<string, string | string[]> = { text };
  for (const key of new Set(filters.keys())) {
    const values = filters.getAll(key);
    body[key] = values.length === 1 ? values[0]! : values;
  }
  return getJson<SimilarResult>('api/similar', signal, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

export function similarToDocument(
  id: string,
  filters: URLSearchParams,
  signal?: AbortSignal,
): Promise<SimilarResult> {
  return getJson<SimilarResult>(
    `api/documents/${encodeURIComponent(id)}/similar?${filters}`,
    signal,
  );
}

export function exportUrl(format: 'csv' | 'xlsx', params: URLSearchParams): string {
  const exportParams = new URLSearchParams(params);
  exportParams.set('format', format);
  return `api/export?${exportParams}`;
}

export function feedUrl(params: URLSearchParams): string {
  return `api/feed?${params}`;
}
