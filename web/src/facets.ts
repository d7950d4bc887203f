// The facet sidebar: one group of checkboxes per facet, counts from the API (disjunctive: each facet
// is counted with every filter except its own, so ticking a second value shows what it adds). A
// facet shows its true number of values; "Toon alle N" loads them all (GET /api/facets/:facet) with
// a box to search them.
import type { FacetCount, FacetName } from '../../src/search/query.ts';
import type { PassageType } from '../../src/model/document.ts';
import { facetByName } from '../../src/model/facets.ts';
import { h } from './dom.ts';
import { formatCount, passageTypeLabels, readableValue } from './format.ts';
import { facetNames, type Filters } from './state.ts';

const COLLAPSED_SIZE = 8;
/** From this many values on, an opened facet gets a search box. */
const SEARCHABLE_FROM = COLLAPSED_SIZE + 2;

export function valueLabel(facet: FacetName, value: string): string {
  if (facet === 'type') return passageTypeLabels[value as PassageType] ?? value;
  return facet === 'theme' ? readableValue(value) : value;
}

/** Lowercase without diacritics, for matching what is typed in a facet's search box. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function orderedValues(facet: FacetName, counts: FacetCount[], selected: string[]): FacetCount[] {
  const values = [...counts];
  // Ticked values stay visible even when the other filters leave them no matches.
  for (const value of selected)
    if (!values.some((c) => c.value === value)) values.push({ value, count: 0 });
  // Numbers (years) newest first, as the histogram reads.
  if (facetByName[facet].kind === 'number')
    values.sort((a, b) => Number(b.value) - Number(a.value));
  return values;
}

export interface FacetView {
  facets: Record<FacetName, FacetCount[]>;
  facetTotals: Record<FacetName, number>;
  /** Every value of the facets the user opened, for the current search. */
  opened: Partial<Record<FacetName, FacetCount[]>>;
  /** The counts are of documents (grouped) rather than passages. */
  grouped: boolean;
}

export interface FacetActions {
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
  onShowAll: (facet: FacetName) => void;
  onShowFewer: (facet: FacetName) => void;
}

function searchBox(facet: FacetName, list: HTMLUListElement): HTMLElement {
  const box = h('input', {
    type: 'search',
    class: 'facet-search',
    'aria-label': `Zoek bij ${facetByName[facet].label.toLowerCase()}`,
    placeholder: `Zoek bij ${facetByName[facet].label.toLowerCase()}…`,
  });
  box.addEventListener('input', () => {
    const wanted = folded(box.value.trim());
    for (const item of list.children) {
      const name = item.querySelector('.facet-name')?.textContent ?? '';
      (item as HTMLElement).hidden = wanted !== '' && !folded(name).includes(wanted);
    }
  });
  return box;
}

export function renderFacets(
  view: FacetView,
  filters: Filters,
  actions: FacetActions,
): HTMLElement[] {
  const unit = view.grouped ? 'documenten' : 'treffers';
  return facetNames.flatMap((facet) => {
    const selected = filters[facet];
    const opened = view.opened[facet];
    const values = orderedValues(facet, opened ?? view.facets[facet] ?? [], selected);
    if (values.length === 0) return [];
    const total = Math.max(view.facetTotals[facet] ?? 0, values.length);
    const showAll = opened !== undefined || total <= COLLAPSED_SIZE + 2;
    const shown = showAll
      ? values
      : values.filter((v, i) => i < COLLAPSED_SIZE || selected.includes(v.value));
    const items = shown.map(({ value, count }) => {
      const checkbox = h('input', {
        type: 'checkbox',
        name: facet,
        value,
        checked: selected.includes(value),
      });
      checkbox.addEventListener('change', () => actions.onToggle(facet, value, checkbox.checked));
      return h(
        'li',
        {},
        h(
          'label',
          { class: count === 0 ? 'facet-value empty' : 'facet-value' },
          checkbox,
          h('span', { class: 'facet-name' }, valueLabel(facet, value)),
          h(
            'span',
            { class: 'facet-count', 'aria-label': `${formatCount(count)} ${unit}` },
            formatCount(count),
          ),
        ),
      );
    });
    const list = h('ul', {}, items);
    let toggle: HTMLButtonElement | null = null;
    if (opened !== undefined && total > COLLAPSED_SIZE + 2) {
      toggle = h('button', { type: 'button', class: 'link-button' }, 'Toon minder');
      toggle.addEventListener('click', () => actions.onShowFewer(facet));
    } else if (total > shown.length) {
      toggle = h(
        'button',
        { type: 'button', class: 'link-button', 'data-show-all': facet },
        `Toon alle ${formatCount(total)}`,
      );
      toggle.addEventListener('click', () => actions.onShowAll(facet));
    }
    return [
      h(
        'fieldset',
        { class: 'facet', 'data-facet': facet },
        h('legend', {}, facetByName[facet].label),
        opened !== undefined && values.length >= SEARCHABLE_FROM && searchBox(facet, list),
        list,
        toggle,
      ),
    ];
  });
}
