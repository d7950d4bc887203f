// Source: a text export of one written question (seeds/*.txt), with or without a metadata header.
import { readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { DraftDocument } from '../draft.ts';
import { readExportHeader } from '../export-header.ts';
import { documentIdFromFile } from '../document-id.ts';
import { parliaments } from '../parliaments.ts';
import { parseWrittenQuestion } from '../written-question.ts';

/** One written question with its answer is well under 1 MB of text; far more is not one. */
export const MAX_TEXT_EXPORT_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-16 by its byte-order mark ("Unicode" in Windows Notepad), little- or big-endian. */
function utf16Encoding(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * The file's text: UTF-16 with a byte-order mark, UTF-8, or Windows-1252 (exports saved on
 * Windows) when it is not valid UTF-8. Other binary content (a scan or PDF saved as .txt) is an
 * error rather than a document of garbage.
 */
function decodeText(bytes: Buffer): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return iconv.decode(bytes, utf16);
  if (bytes.includes(0)) throw new Error('binary content, not a text export');
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(bytes, 'windows-1252');
  }
}

export async function readTextExport(file: string, source: string): Promise<DraftDocument> {
  const { size } = await stat(file);
  if (size > MAX_TEXT_EXPORT_BYTES) {
    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    throw new Error(
      `too large for one written question (${mb(size)}; the limit is ${mb(MAX_TEXT_EXPORT_BYTES)})`,
    );
  }
  const text = decodeText(await readFile(file)).replace(/^\uFEFF/, '');
  if (!text.trim()) throw new Error('empty file');
  // Line ends of Windows (CRLF), Unix (LF) and classic Mac OS (CR alone).
  return writtenQuestionDocument(text.split(/\r\n?|\n/), file, source);
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
    parliament: parliaments.flemish,
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
