// Source: the PDF of a written question. pdf.js gives positioned text items; they are grouped into
// lines by their baseline, and a larger vertical gap becomes an empty line, like the text exports.
import { readFile } from 'node:fs/promises';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { DraftDocument } from '../draft.ts';
import { writtenQuestionDocument } from './text-export.ts';

interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Items on one baseline, left to right, joined with a space where there is a visible gap. */
function joinLine(items: PositionedText[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let line = '';
  let rightEdge = -Infinity;
  for (const item of sorted) {
    const gap = item.x - rightEdge > item.height * 0.15;
    if (line && gap && !/\s$/.test(line) && !/^\s/.test(item.text)) line += ' ';
    line += item.text;
    rightEdge = item.x + item.width;
  }
  return line;
}

const rightEdge = (items: PositionedText[]) =>
  Math.max(...items.map((item) => item.x + item.width));

/**
 * Lines of one page, top to bottom; a gap of more than 1.5 line spacings leaves an empty line. A
 * line that reaches the right margin was wrapped by the layout: it gets the trailing space that
 * marks a soft wrap in the text exports, so passage-text joins it the same way.
 */
function pageLines(items: PositionedText[]): string[] {
  const rows = new Map<number, PositionedText[]>();
  for (const item of items) {
    // Items within a third of their height of each other share a baseline.
    const key = [...rows.keys()].find((y) => Math.abs(y - item.y) < item.height / 3) ?? item.y;
    rows.set(key, [...(rows.get(key) ?? []), item]);
  }
  const left = Math.min(...items.map((item) => item.x));
  const fullLine = left + (rightEdge(items) - left) * 0.85;
  const lines: string[] = [];
  let previous: { y: number; height: number } | null = null;
  for (const [y, row] of [...rows.entries()].sort(([a], [b]) => b - a)) {
    const height = Math.max(...row.map((item) => item.height));
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

export async function readPdf(file: string, source: string): Promise<DraftDocument> {
  const lines = await pdfLines(file);
  if (!lines.some((line) => line.trim())) throw new Error('no text in PDF (scanned image?)');
  return writtenQuestionDocument(lines, file, source);
}
