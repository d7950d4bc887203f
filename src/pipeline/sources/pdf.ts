// Source: the PDF of a written question. pdf.js gives positioned text items; they are grouped into
// lines by their baseline, and a larger vertical gap becomes an empty line, like the text exports.
import { readFile } from 'node:fs/promises';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Piscina } from 'piscina';
import { workerPool } from '../../worker-threads.ts';
import type { DraftDocument } from '../draft.ts';
import { PDF_TIME_BUDGET_MS } from './pdf-budget.ts';
import { writtenQuestionDocument } from './text-export.ts';

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
  // Loaded here, in the worker thread that reads PDFs: the thread that imports this module to
  // start that worker (every parse and index run) never needs pdf.js.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
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

// One thread: files are read one after another; it exits soon after the last PDF of a run.
let pool: Piscina<string, string[]> | undefined;

/** pdfLines in a worker thread, stopped and reported once it takes longer than budgetMs. */
async function pdfLinesWithin(file: string, budgetMs: number): Promise<string[]> {
  pool ??= workerPool('pdf-worker', { threads: 1, idleTimeoutMs: 1_000 });
  const budget = AbortSignal.timeout(budgetMs);
  try {
    return await pool.run(file, { signal: budget });
  } catch (error) {
    if (!budget.aborted) throw error;
    throw new Error(`reading took longer than ${budgetMs / 1000} s; skipped`, { cause: error });
  }
}

export async function readPdf(
  file: string,
  source: string,
  budgetMs = PDF_TIME_BUDGET_MS,
): Promise<DraftDocument> {
  const lines = await pdfLinesWithin(file, budgetMs);
  if (!lines.some((line) => line.trim())) throw new Error('no text in PDF (scanned image?)');
  return writtenQuestionDocument(lines, file, source);
}
