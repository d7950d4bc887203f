// Matches per year as an inline SVG bar chart; each bar is a button that toggles that year's filter.
// It counts what the results count: passages, or documents when they are grouped per document.
import { h, s } from './dom.ts';
import { formatCount, plural } from './format.ts';

const BAR_WIDTH = 28;
const GAP = 8;
const HEIGHT = 120;
const LABEL_SPACE = 18;

export function renderHistogram(
  histogram: { year: number; count: number }[],
  selectedYears: string[],
  onToggleYear: (year: string) => void,
  counted: 'passages' | 'documents' = 'passages',
): HTMLElement | null {
  const [one, many] =
    counted === 'documents' ? ['document', 'documenten'] : ['treffer', 'treffers'];
  const caption = `${many.charAt(0).toUpperCase()}${many.slice(1)} per jaar`;
  if (histogram.length === 0) return null;
  const counts = new Map(histogram.map(({ year, count }) => [year, count]));
  const years = histogram.map(({ year }) => year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const allYears = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const max = Math.max(1, ...histogram.map(({ count }) => count));
  const width = allYears.length * (BAR_WIDTH + GAP) - GAP;
  const labelEvery = Math.ceil(allYears.length / 12);

  const bars = allYears.map((year, i) => {
    const count = counts.get(year) ?? 0;
    const barHeight = count === 0 ? 0 : Math.max(2, (count / max) * (HEIGHT - 16));
    const x = i * (BAR_WIDTH + GAP);
    const selected = selectedYears.includes(String(year));
    const label = `${year}, ${plural(count, one, many)}`;
    const bar = s(
      'g',
      {
        class: `bar${selected ? ' selected' : ''}`,
        role: 'button',
        tabindex: 0,
        'aria-pressed': String(selected),
        'aria-label': label,
        'data-year': year,
      },
      // A full-height transparent target, so short bars are easy to click.
      s('rect', { class: 'target', x, y: 0, width: BAR_WIDTH, height: HEIGHT }),
      s('rect', {
        class: 'fill',
        x,
        y: HEIGHT - barHeight,
        width: BAR_WIDTH,
        height: barHeight,
        rx: 2,
      }),
      // Year and count in one text, in the order the name reads them (WCAG "label in name").
      s(
        'text',
        {},
        i % labelEvery === 0 &&
          s(
            'tspan',
            { class: 'year', x: x + BAR_WIDTH / 2, y: HEIGHT + LABEL_SPACE - 4 },
            String(year),
          ),
        ' ',
        count > 0 &&
          s(
            'tspan',
            { class: 'count', x: x + BAR_WIDTH / 2, y: HEIGHT - barHeight - 4 },
            formatCount(count),
          ),
      ),
    );
    const toggle = () => onToggleYear(String(year));
    bar.addEventListener('click', toggle);
    bar.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        toggle();
      }
    });
    return bar;
  });

  return h(
    'figure',
    { class: 'histogram' },
    h(
      'figcaption',
      {},
      caption,
      h('span', { class: 'hint' }, ' — klik op een jaar om te filteren'),
    ),
    s(
      'svg',
      {
        viewBox: `0 0 ${width} ${HEIGHT + LABEL_SPACE}`,
        width: '100%',
        height: HEIGHT + LABEL_SPACE,
        preserveAspectRatio: 'xMinYMax meet',
        role: 'group',
        'aria-label': caption,
      },
      bars,
    ),
  );
}
