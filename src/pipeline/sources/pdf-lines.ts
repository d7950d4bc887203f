// The lines of a PDF: pdf.js gives positioned text items; they are grouped into lines by their
// baseline, and a larger vertical gap becomes an empty line, like the text exports. Loaded only in
// the PDF worker thread (./pdf-worker.ts): pdf.js's legacy build installs core-js polyfills that
// replace Array.prototype.push and JSON.stringify with slower ones in the thread that loads it.
import { readFile } from 'node:fs/promises';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Items on one baseline, left to right, joined with a space where there is a visible gap. */
function joinLine(items: PositionedText[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const parts: string[] = []; // joined once: testing a growing string would copy it each item
  let endsInSpace = true;
  let rightEdge = -Infinity;
  for (const item of sorted) {
    const gap = item.x - rightEdge > item.height * 0.15;
    if (parts.length > 0 && gap && !endsInSpace && !/^\s/.test(item.text)) parts.push(' ');
    parts.push(item.text);
    endsInSpace = /\s$/.test(item.text);
    rightEdge = item.x + item.width;
  }
  return parts.join('');
}

// Loops, not Math.max(...items): a page of 200,000 items would overflow the argument stack.
const rightEdge = (items: PositionedText[]) =>
  items.reduce((edge, item) => Math.max(edge, item.x + item.width), -Infinity);

/**
 * Items grouped by baseline, top to bottom: sorted by height on the page, an item joins the row
 * above when within a third of its height of the row's first baseline. Sorting keeps this
 * n log n; a page of 20,000 items on one line took 312 s when each item searched every row.
 */
function rowsOf(items: PositionedText[]): PositionedText[][] {
  const rows: PositionedText[][] = [];
  let rowY = NaN;
  for (const item of [...items].sort((a, b) => b.y - a.y)) {
    const row = rows.at(-1);
    if (row && Math.abs(rowY - item.y) < item.height / 3) {
      row.push(item);
    } else {
      rows.push([item]);
      rowY = item.y;
    }
  }
  return rows;
}

/**
 * Lines of one page, top to bottom; a gap of more than 1.5 line spacings leaves an empty line. A
 * line that reaches the right margin was wrapped by the layout: it gets the trailing space that
 * marks a soft wrap in the text exports, so passage-text joins it the same way.
 */
export function pageLines(items: PositionedText[]): string[] {
  const left = items.reduce((edge, item) => Math.min(edge, item.x), Infinity);
  const fullLine = left + (rightEdge(items) - left) * 0.85;
  const lines: string[] = [];
  let previous: { y: number; height: number } | null = null;
  for (const row of rowsOf(items)) {
    const y = row[0]!.y;
    const height = row.reduce((max, item) => Math.max(max, item.height), 0);
    // Lines are ~1.2 heights apart; more than 1.5 times that is a paragraph or block gap.
    if (previous && previous.y - y > previous.height * 1.8) lines.push('');
    lines.push(joinLine(row) + (rightEdge(row) >= fullLine ? ' ' : ''));
    previous = { y, height };
  }
  return lines;
}

export async function pdfLines(file: string): Promise<string[]> {
  const data = new Uint8Array(await readFile(file));
  if (data.length === 0) throw new Error('empty file');
  const pdf = await getDocument({ data, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false })
    .promise;
  try {
    const lines: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = content.items
        .filter((item): item is TextItem => 'str' in item && item.str !== '')
        .map((item) => ({
          text: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          width: item.width,
          height: item.height || Math.abs(item.transform[3] as number),
        }));
      lines.push(...pageLines(items));
      page.cleanup();
    }
    return lines;
  } finally {
    await pdf.destroy();
  }
}
