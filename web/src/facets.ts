// The facet sidebar: one group of checkboxes per facet, counts from the API (disjunctive: each facet
// is counted with every filter except its own, so ticking a second value shows what it adds).
import type { FacetCount, FacetName } from '../../src/search/query.ts';
import type { PassageType } from '../../src/model/document.ts';
import { h } from './dom.ts';
import { formatCount, passageTypeLabels } from './format.ts';
import { facetNames, type Filters } from './state.ts';

export const facetLabels: Record<FacetName, string> = {
  theme: 'Thema',
  minister: 'Minister',
  asker: 'Vraagsteller',
  party: 'Partij',
  year: 'Jaar',
  type: 'Soort passage',
  organisation: 'Organisatie',
};

const COLLAPSED_SIZE = 8;
/** Facets the user expanded with "toon alle"; kept across renders. */
const expanded = new Set<FacetName>();

function valueLabel(facet: FacetName, value: string): string {
  return facet === 'type' ? (passageTypeLabels[value as PassageType] ?? value) : value;
}

function orderedValues(facet: FacetName, counts: FacetCount[], selected: string[]): FacetCount[] {
  const values = [...counts];
  // Ticked values stay visible even when the other filters leave them no matches.
  for (const value of selected)
    if (!values.some((c) => c.value === value)) values.push({ value, count: 0 });
  if (facet === 'year') values.sort((a, b) => b.value.localeCompare(a.value));
  return values;
}

export function renderFacets(
  facets: Record<FacetName, FacetCount[]>,
  filters: Filters,
  onToggle: (facet: FacetName, value: string, on: boolean) => void,
  rerender: () => void,
): HTMLElement[] {
  return facetNames.flatMap((facet) => {
    const selected = filters[facet];
    const values = orderedValues(facet, facets[facet] ?? [], selected);
    if (values.length === 0) return [];
    const showAll = expanded.has(facet) || values.length <= COLLAPSED_SIZE + 2;
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
      checkbox.addEventListener('change', () => onToggle(facet, value, checkbox.checked));
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
            { class: 'facet-count', 'aria-label': `${formatCount(count)} treffers` },
            formatCount(count),
          ),
        ),
      );
    });
    const more =
      values.length > shown.length &&
      h('button', { type: 'button', class: 'link-button' }, `Toon alle ${values.length}`);
    if (more)
      more.addEventListener('click', () => {
        expanded.add(facet);
        rerender();
      });
    return [
      h(
        'fieldset',
        { class: 'facet', 'data-facet': facet },
        h('legend', {}, facetLabels[facet]),
        h('ul', {}, items),
        more,
      ),
    ];
  });
}
