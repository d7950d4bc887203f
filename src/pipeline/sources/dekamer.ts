// Source: the Belgian federal Chamber's written questions (data.dekamer.be via ruimtehol), one JSON
// object a line, optionally gzipped. Streamed line by line: the file is never held in memory.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { boundedLines } from '../bounded-lines.ts';
import type { DraftDocument, SourceResult } from '../draft.ts';
import { dekamerDocumentId } from '../document-id.ts';
import { parliaments } from '../parliaments.ts';
import { federalMinister } from '../../ministers/federal-ministers.ts';
import { collapseSpaces, displayLastFirst } from '../names.ts';
import { segmentPassages } from '../written-question.ts';
import { dekamerTextLines } from './dekamer-text.ts';

const optionalText = z.string().nullish();

/** The longest record is about 100 kB; a line past this is not a record (a gzip bomb, a dump). */
export const MAX_LINE_LENGTH = 10_000_000;

/** A calendar date: 2017-02-31 is refused, not rolled over to March. */
const isCalendarDate = (date: string) =>
  new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;

const DekamerLine = z.object({
  doc_id: z.number().int(),
  depotdat: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine(isCalendarDate, { message: 'not a calendar date' }),
  aut_party: optionalText,
  aut_person: optionalText,
  question_theme_main: optionalText,
  question_theme: optionalText,
  /** The answering minister's office in words; the data names no minister (see ministers/). */
  answer_department: optionalText,
  question: z.string().min(1),
  answer: optionalText,
});
type DekamerLine = z.infer<typeof DekamerLine>;

const blankToNull = (text: string | null | undefined) =>
  text?.trim() ? collapseSpaces(text) : null;

function themes(record: DekamerLine): string[] {
  const all = [record.question_theme_main, ...(record.question_theme ?? '').split(',')];
  return [...new Set(all.flatMap((theme) => (theme?.trim() ? [collapseSpaces(theme)] : [])))];
}

/** The person in the office on the question's date; null (reported by `parse`) when unknown. */
function minister(office: string | null, date: string): string | null {
  if (!office) return null;
  const found = federalMinister(office, date);
  return found.ok ? found.person : null;
}

export function dekamerDocument(record: DekamerLine, source: string): DraftDocument {
  const office = blankToNull(record.answer_department);
  // The question starts with its title, e.g. "Lijn Brussel-Luxemburg. - Technisch incident. \n\n …".
  const [rawTitle, ...body] = record.question.split(/\n\s*\n/);
  const title = collapseSpaces(rawTitle ?? '').replace(/[\s.-]+$/, '');
  const questionText = body.join('\n\n').trim() || (rawTitle ?? '');
  return {
    id: dekamerDocumentId(record.doc_id),
    source,
    parliament: parliaments.federal,
    number: null,
    date: record.depotdat,
    title: title || null,
    themes: themes(record),
    asker: record.aut_person?.trim() ? displayLastFirst(record.aut_person) : null,
    party: blankToNull(record.aut_party),
    minister: minister(office, record.depotdat),
    ministerOffice: office,
    pdfUrl: null,
    passages: segmentPassages(
      dekamerTextLines(questionText),
      record.answer?.trim() ? dekamerTextLines(record.answer) : [],
    ),
  };
}

function parseLine(
  line: string,
): { ok: true; record: DekamerLine } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(line.replace(/^\uFEFF/, '')); // a byte-order mark some editors write
  } catch (error) {
    return { ok: false, reason: `malformed JSON: ${(error as Error).message}` };
  }
  const result = DekamerLine.safeParse(json);
  if (result.success) return { ok: true, record: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: `${issue?.path.join('.') || 'record'}: ${issue?.message}` };
}

/**
 * One result per line: a document (its source `source:line`), or an error naming file:line with the
 * file's path as given. A stream error (a broken gzip) ends the file with one error after the
 * documents read so far.
 */
export async function* readDekamer(
  file: string,
  source: string,
  onBytesRead: (bytes: number) => void = () => {},
): AsyncGenerator<SourceResult> {
  const input = createReadStream(file);
  input.on('data', (chunk) => onBytesRead(chunk.length));
  const decoded = file.endsWith('.gz') ? input.pipe(createGunzip()) : input;
  input.on('error', (error) => decoded.destroy(error));
  let lineNumber = 0;
  let records = 0;
  try {
    for await (const line of boundedLines(decoded, MAX_LINE_LENGTH)) {
      lineNumber++;
      const where = `${file}:${lineNumber}`;
      if (line.tooLong) {
        records++;
        const reason = `line of ${line.length} characters is longer than the maximum ${MAX_LINE_LENGTH}; skipped`;
        yield { ok: false, file: where, reason };
        continue;
      }
      if (!line.text.trim()) continue;
      records++;
      const parsed = parseLine(line.text);
      yield parsed.ok
        ? { ok: true, draft: dekamerDocument(parsed.record, `${source}:${lineNumber}`) }
        : { ok: false, file: where, reason: parsed.reason };
    }
  } catch (error) {
    const reason = `unreadable after line ${lineNumber}: ${(error as Error).message}`;
    yield { ok: false, file, reason };
    return;
  } finally {
    input.destroy();
  }
  if (records === 0) yield { ok: false, file, reason: 'empty file' };
}
