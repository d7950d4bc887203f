// Source: a text export of one written question (seeds/*.txt), with or without a metadata header.
import { readFile } from 'node:fs/promises';
import type { DraftDocument } from '../draft.ts';
import { readExportHeader } from '../export-header.ts';
import { documentIdFromFile } from '../document-id.ts';
import { parseWrittenQuestion } from '../written-question.ts';

export async function readTextExport(file: string, source: string): Promise<DraftDocument> {
  const text = await readFile(file, 'utf8');
  if (!text.trim()) throw new Error('empty file');
  return writtenQuestionDocument(text.split(/\r?\n/), file, source);
}

/** A document from the lines of a written question (shared with the PDF source). */
export function writtenQuestionDocument(
  lines: readonly string[],
  file: string,
  source: string,
): DraftDocument {
  const { header, end } = readExportHeader(lines);
  const question = parseWrittenQuestion(lines.slice(end), { title: header.title });
  if (!question.passages.length) throw new Error('no text found');
  return {
    id: documentIdFromFile(file),
    source,
    number: question.number,
    date: question.date,
    title: question.title,
    themes: header.themes,
    asker: question.asker,
    party: null,
    minister: question.minister,
    ministerOffice: question.ministerOffice,
    pdfUrl: header.pdfUrl,
    passages: question.passages,
  };
}
