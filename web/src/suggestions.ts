// Suggestions under the search box (ARIA combobox with a listbox): titles, organisations, askers and
// ministers that start with what was typed. Arrow keys move, Enter or a click chooses, Escape closes.
import type { Suggestion } from '../../src/search/backend.ts';
import { getSuggestions } from './api.ts';
import { h } from './dom.ts';

const SUGGEST_DELAY_MS = 150;
const MIN_LENGTH = 2;

export const suggestionKindLabels: Record<Suggestion['kind'], string> = {
  title: 'titel',
  organisation: 'organisatie',
  asker: 'vraagsteller',
  minister: 'minister',
};

export function attachSuggestions(
  input: HTMLInputElement,
  listbox: HTMLElement,
  onChoose: (suggestion: Suggestion) => void,
): { close: () => void } {
  let suggestions: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | null = null;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('aria-expanded', 'false');
  listbox.setAttribute('role', 'listbox');

  function render(): void {
    const open = suggestions.length > 0;
    listbox.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
    listbox.replaceChildren(
      ...suggestions.map((suggestion, i) => {
        const option = h(
          'li',
          { id: `suggestion-${i}`, role: 'option', 'aria-selected': String(i === active) },
          h('span', { class: 'suggestion-value' }, suggestion.value),
          h('span', { class: 'suggestion-kind' }, suggestionKindLabels[suggestion.kind]),
        );
        // mousedown, not click: choosing must happen before the input loses focus.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(i);
        });
        return option;
      }),
    );
  }

  function close(): void {
    clearTimeout(timer);
    request?.abort();
    suggestions = [];
    active = -1;
    render();
  }

  function choose(index: number): void {
    const suggestion = suggestions[index];
    close();
    if (suggestion) onChoose(suggestion);
  }

  async function load(prefix: string): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    try {
      const found = await getSuggestions(prefix, controller.signal);
      if (request !== controller || document.activeElement !== input) return;
      suggestions = found;
      active = -1;
      render();
    } catch {
      // Suggestions are a convenience: when they fail, the search itself still reports the problem.
      if (request === controller) close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const prefix = input.value.trim();
    if (prefix.length < MIN_LENGTH) {
      close();
      return;
    }
    timer = setTimeout(() => void load(prefix), SUGGEST_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + suggestions.length + 1) % (suggestions.length + 1);
      if (active === suggestions.length) active = -1;
      render();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
  return { close };
}
