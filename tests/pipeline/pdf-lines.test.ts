// Grouping a PDF page's text items into lines takes n log n time: a crafted page of 20,000 items
// on one baseline took 312 s when each item copied its row and searched every row.
import { expect, it } from 'vitest';
import { pageLines, type PositionedText } from '../../src/pipeline/sources/pdf-lines.ts';

const COUNT = 20_000;
const item = (x: number, y: number): PositionedText => ({ text: 'ab', x, y, width: 8, height: 10 });

function milliseconds(items: PositionedText[]): number {
  const start = performance.now();
  pageLines(items);
  return performance.now() - start;
}

it('20,000 items on one line cost about what 20,000 items on 500 lines do', () => {
  const oneLine = Array.from({ length: COUNT }, (_, i) => item(i * 10, 700));
  const page = Array.from({ length: COUNT }, (_, i) =>
    item((i % 40) * 10, 800 - Math.floor(i / 40) * 12),
  );
  milliseconds(page.slice(0, 1_000)); // warm up
  const ratio = milliseconds(oneLine) / milliseconds(page);
  expect(ratio).toBeLessThan(10);
  expect(pageLines(oneLine)).toHaveLength(1);
});

it('20,000 items on 20,000 baselines stay n log n', () => {
  const start = performance.now();
  expect(
    pageLines(Array.from({ length: COUNT }, (_, i) => item(0, COUNT * 12 - i * 12))),
  ).toHaveLength(COUNT);
  expect(performance.now() - start).toBeLessThan(2_000);
});
