// Notes above the hits that say how the server read the query: relaxed matching (no passage held
// every word), "did you mean" links that run the corrected query, and a stopword-only query.
import type { SearchResult } from '../../src/search/query.ts';
import { h } from './dom.ts';

/** A link that runs `q`: its address for a new tab, `run` for a plain click. */
export type QueryLink = (q: string) => { href: string; onClick: (event: MouseEvent) => void };

const relaxedText: Record<NonNullable<SearchResult['relaxed']>['kind'], string> = {
  fuzzy: 'Geen resultaten voor deze spelling; resultaten voor woorden die erop lijken',
  'across-passages':
    'Geen passage bevat alle woorden; documenten waarvan vraag en antwoord samen alle woorden bevatten',
  'some-words': 'Geen resultaten voor alle woorden; resultaten met de meeste woorden',
};

export function renderQueryNotes(result: SearchResult, link: QueryLink): HTMLElement[] {
  const notes: HTMLElement[] = [];
  if (result.stopwordsOnly)
    notes.push(
      h(
        'p',
        { class: 'query-note', 'data-note': 'stopwords' },
        `Alleen stopwoorden: ${result.stopwordsOnly.join(', ')}. Zulke woorden worden niet gezocht; voeg een inhoudelijk woord toe.`,
      ),
    );
  if (result.relaxed)
    notes.push(
      h('p', { class: 'query-note', 'data-note': 'relaxed' }, relaxedText[result.relaxed.kind]),
    );
  for (const suggestion of result.suggestions ?? []) {
    const { href, onClick } = link(suggestion.query);
    const a = h('a', { href }, h('strong', {}, suggestion.replacement));
    a.addEventListener('click', onClick);
    notes.push(
      h(
        'p',
        { class: 'query-note', 'data-note': 'did-you-mean' },
        'Bedoelde u ',
        a,
        ` (in plaats van „${suggestion.word}”)?`,
      ),
    );
  }
  return notes;
}
