// "Eerder gesteld?": the documents most like a pasted draft (a box above the results) or like the
// open document ("Vergelijkbare vragen" below it), always within the filters in force.
import type { SimilarHit, SimilarResult } from '../../src/search/similar/similar-query.ts';
import { ApiError } from './api.ts';
import { h } from './dom.ts';
import { formatDate, passageLabel } from './format.ts';
import { highlightNodes } from './highlight.ts';
import { searchParams, type PageState } from './state.ts';

export interface SimilarLinks {
  documentUrl: (documentId: string) => string;
  onOpen: (event: MouseEvent, documentId: string) => void;
}

/** The filters of the page state as API parameters: the search's, without its text and order. */
export function similarFilters(state: PageState): URLSearchParams {
  const params = searchParams(state);
  params.delete('q');
  params.delete('sort');
  return params;
}

function renderSimilarHit(hit: SimilarHit, links: SimilarLinks): HTMLElement {
  const link = h('a', { href: links.documentUrl(hit.documentId) }, hit.title ?? 'Zonder titel');
  link.addEventListener('click', (event) => links.onOpen(event, hit.documentId));
  const route = [hit.asker, hit.minister].filter(Boolean).join(' → ');
  return h(
    'li',
    { class: 'similar-hit', 'data-document': hit.documentId },
    h(
      'div',
      { class: 'hit-head' },
      h(
        'span',
        { class: `badge ${hit.answered ? 'badge-answer' : 'badge-unanswered'}` },
        hit.answered ? 'Beantwoord' : 'Niet beantwoord',
      ),
      h('h4', { class: 'hit-title' }, link),
    ),
    h(
      'p',
      { class: 'hit-meta' },
      [formatDate(hit.date), route || null].filter(Boolean).join(' · '),
    ),
    h(
      'div',
      { class: 'snippets' },
      hit.passages.map((passage) =>
        h(
          'p',
          { class: 'snippet' },
          h('span', { class: 'snippet-label' }, `${passageLabel(passage.type, passage.number)}: `),
          passage.highlights.flatMap((fragment, i) => [
            ...(i > 0 ? [' … '] : []),
            ...highlightNodes(fragment),
          ]),
        ),
      ),
    ),
  );
}

export function renderSimilar(result: SimilarResult, links: SimilarLinks): HTMLElement {
  if (result.hits.length === 0)
    return h(
      'p',
      { class: 'similar-none' },
      'Geen vergelijkbare vragen gevonden (binnen de gekozen filters).',
    );
  return h(
    'ol',
    { class: 'similar-hits' },
    result.hits.map((hit) => renderSimilarHit(hit, links)),
  );
}

export function similarFailure(error: unknown): HTMLElement {
  const known = error instanceof ApiError ? error : null;
  if (!known) console.error(error);
  return h(
    'div',
    { class: 'notice error', role: 'alert' },
    h('p', {}, known?.message ?? 'Er ging iets mis bij het zoeken naar vergelijkbare vragen.'),
    known?.detail && h('p', { class: 'detail' }, `Reden: ${known.detail}`),
  );
}

/**
 * Runs a similar search into `target` once per distinct request (`key`): a newer request aborts
 * the one in flight, so a slow answer never overwrites a newer one.
 */
export function similarLoader(target: HTMLElement) {
  let shownKey: string | null = null;
  let pending: AbortController | null = null;
  return async (
    key: string,
    fetchResult: (signal: AbortSignal) => Promise<SimilarResult>,
    links: SimilarLinks,
  ): Promise<void> => {
    if (key === shownKey) return;
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    shownKey = key;
    target.setAttribute('aria-busy', 'true');
    target.replaceChildren(h('p', { class: 'loading' }, 'Vergelijkbare vragen zoeken…'));
    try {
      const result = await fetchResult(controller.signal);
      if (pending === controller) target.replaceChildren(renderSimilar(result, links));
    } catch (error) {
      if (controller.signal.aborted) return;
      shownKey = null;
      target.replaceChildren(similarFailure(error));
    } finally {
      if (pending === controller) target.removeAttribute('aria-busy');
    }
  };
}
