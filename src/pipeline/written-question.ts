// Reads the text of one Flemish Parliament written question with its answer (a text export or the
// text of its PDF) into metadata and passages. The layout it expects, all parts optional:
//   SCHRIFTELIJKE VRAAG / nr. 1033 / van ASKER / datum: 10 september 2021 / aan MINISTER / OFFICE
//   title line, preamble, numbered questions,
//   MINISTER / OFFICE (repeated as a page header), ANTWOORD / op vraag nr. … van <date> / van ASKER,
//   numbered answers, BIJLAGE(N) with the annex.
import { parseDutchDate } from './dutch-date.ts';
import type { DraftPassage } from './draft.ts';
import { collapseSpaces, displayName, displayOffice, isCapitalsLine } from './names.ts';
import { splitAnswers, splitQuestions } from './numbered-items.ts';
import { joinLines } from './passage-text.ts';

export interface WrittenQuestion {
  number: string | null;
  date: string | null;
  title: string | null;
  asker: string | null;
  minister: string | null;
  ministerOffice: string | null;
  passages: DraftPassage[];
}

interface Metadata {
  number: string | null;
  date: string | null;
  asker: string | null;
  minister: string | null;
  officeLines: string[];
}

const blockLine = /^(SCHRIFTELIJKE VRAAG|nr\.\s*\d|van\s+\p{Lu}{2}|datum:|aan\s+\p{Lu}{2})/u;

/** The "SCHRIFTELIJKE VRAAG nr. … van … datum: … aan …" block at the top; returns where it ends. */
function readQuestionBlock(lines: readonly string[]): { metadata: Metadata; end: number } {
  const metadata: Metadata = {
    number: null,
    date: null,
    asker: null,
    minister: null,
    officeLines: [],
  };
  let index = 0;
  let afterAddressee = false;
  for (; index < lines.length; index++) {
    const line = collapseSpaces(lines[index] ?? '');
    if (!line) continue;
    if (blockLine.test(line)) {
      metadata.number ??= /nr\.\s*(\d+)/.exec(line)?.[1] ?? null;
      const date = /datum:\s*(.+)/.exec(line)?.[1];
      if (date) metadata.date ??= parseDutchDate(date);
      const asker = /^van\s+(.+)$/.exec(line)?.[1];
      if (asker) metadata.asker ??= displayName(asker);
      const addressee = /^aan\s+(.+)$/.exec(line)?.[1];
      if (addressee) {
        metadata.minister ??= displayName(addressee);
        afterAddressee = true;
      }
    } else if (afterAddressee && isCapitalsLine(line)) {
      metadata.officeLines.push(line);
    } else {
      break;
    }
  }
  return { metadata, end: index };
}

/** The title line(s): the header's title when the body repeats it, else the first line. */
function readTitle(lines: readonly string[], start: number, knownTitle: string | null) {
  let index = start;
  while (index < lines.length && !collapseSpaces(lines[index] ?? '')) index++;
  if (index >= lines.length) return { title: knownTitle, end: index };
  if (!knownTitle) return { title: collapseSpaces(lines[index] ?? ''), end: index + 1 };
  let seen = '';
  let end = index;
  while (end < lines.length) {
    const next = collapseSpaces(`${seen} ${lines[end] ?? ''}`);
    if (!knownTitle.startsWith(next)) break;
    seen = next;
    end++;
  }
  return { title: knownTitle, end };
}

/** "ANTWOORD / op vraag nr. 289 van 23 januari 2020 / van MAURITS VANDE REYDE", on one or more lines. */
function readAnswerHeading(lines: readonly string[], start: number) {
  let end = start + 1;
  let text = collapseSpaces(lines[start] ?? '');
  for (let look = start + 1; look < Math.min(lines.length, start + 5); look++) {
    const line = collapseSpaces(lines[look] ?? '');
    if (line && !/^(op vraag|van\s+\p{Lu}{2})/u.test(line)) break;
    text = collapseSpaces(`${text} ${line}`);
    end = look + 1;
  }
  const reference = /op vraag nr\.\s*(\d+)\s+van\s+(\d{1,2}\s+\p{L}+\s+\d{4})/u.exec(text);
  const asker = /\d{4}\s+van\s+(.+)$/.exec(text)?.[1];
  return {
    end,
    number: reference?.[1] ?? null,
    date: reference?.[2] ? parseDutchDate(reference[2]) : null,
    asker: asker ? displayName(asker) : null,
  };
}

const officeWord = /MINISTER|STAATSSECRETARIS/;

/**
 * The minister's name and office repeated above ANTWOORD: lines in capitals, read upwards. Only a
 * header that names an office (or the addressed minister) counts, so a last question ending in a
 * capitalised line ("VLAIO") keeps it.
 */
function readMinisterHeader(
  lines: readonly string[],
  answerLine: number,
  addressee: string | null,
) {
  let start = answerLine;
  for (let index = answerLine - 1; index >= 0; index--) {
    const line = collapseSpaces(lines[index] ?? '');
    if (!line) continue;
    if (!isCapitalsLine(line) || /[?]/.test(line)) break;
    start = index;
  }
  const header = lines.slice(start, answerLine).map(collapseSpaces).filter(Boolean);
  const [first] = header;
  const firstIsName = first !== undefined && !first.includes(',') && !officeWord.test(first);
  const isHeader =
    header.some((line) => officeWord.test(line)) ||
    (firstIsName && addressee !== null && displayName(first) === addressee);
  if (!isHeader) return { start: answerLine, minister: null, officeLines: [] };
  return {
    start,
    minister: firstIsName ? displayName(first) : null,
    officeLines: firstIsName ? header.slice(1) : header,
  };
}

const isLine = (pattern: RegExp) => (line: string) => pattern.test(collapseSpaces(line));

export function parseWrittenQuestion(
  lines: readonly string[],
  known: { title: string | null } = { title: null },
): WrittenQuestion {
  const block = readQuestionBlock(lines);
  const { title, end: bodyStart } = readTitle(lines, block.end, known.title);

  const answerLine = lines.findIndex(
    (line, index) => index >= bodyStart && isLine(/^ANTWOORD\b/)(line),
  );
  const heading = answerLine === -1 ? null : readAnswerHeading(lines, answerLine);
  const header =
    answerLine === -1 ? null : readMinisterHeader(lines, answerLine, block.metadata.minister);
  const annexSearchFrom = heading?.end ?? bodyStart;
  const annexIndex = lines.findIndex(
    (line, index) => index >= annexSearchFrom && isLine(/^BIJLAGEN?$/)(line),
  );
  const end = annexIndex === -1 ? lines.length : annexIndex;

  const questionLines = lines.slice(bodyStart, header?.start ?? end);
  const answerLines = heading ? lines.slice(heading.end, end) : [];
  const annexLines = annexIndex === -1 ? [] : lines.slice(annexIndex + 1);

  const officeLines = block.metadata.officeLines.length
    ? block.metadata.officeLines
    : (header?.officeLines ?? []);
  return {
    number: block.metadata.number ?? heading?.number ?? null,
    date: block.metadata.date ?? heading?.date ?? null,
    title,
    asker: block.metadata.asker ?? heading?.asker ?? null,
    minister: block.metadata.minister ?? header?.minister ?? null,
    ministerOffice: officeLines.length ? displayOffice(officeLines.join(' ')) : null,
    passages: segmentPassages(questionLines, answerLines, annexLines),
  };
}

/**
 * Passages of a question text and its answer text. Questions that are not numbered make one
 * question (number 1); answer text before the first numbered answer is an answer to all of them
 * (number 1 when there is only one question, else no number).
 */
export function segmentPassages(
  questionLines: readonly string[],
  answerLines: readonly string[],
  annexLines: readonly string[] = [],
): DraftPassage[] {
  const { context, questions: numbered } = splitQuestions(questionLines);
  const questions = numbered.length ? numbered : [{ number: 1, lines: [...questionLines] }];
  const { intro, answers } = splitAnswers(answerLines, new Set(questions.map((q) => q.number)));
  const passages: DraftPassage[] = [];
  if (numbered.length) passages.push({ type: 'context', number: null, text: joinLines(context) });
  for (const question of questions) {
    passages.push({ type: 'question', number: question.number, text: joinLines(question.lines) });
  }
  if (questions.length === 1) {
    const lines = [...intro, ...answers.flatMap((answer) => answer.lines)];
    passages.push({ type: 'answer', number: 1, text: joinLines(lines) });
  } else {
    passages.push({ type: 'answer', number: null, text: joinLines(intro) });
    for (const answer of answers) {
      passages.push({ type: 'answer', number: answer.number, text: joinLines(answer.lines) });
    }
  }
  passages.push({ type: 'annex', number: null, text: joinLines(annexLines) });
  return passages.filter((passage) => passage.text !== '');
}
