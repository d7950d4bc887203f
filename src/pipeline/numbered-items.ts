// Finds the numbered questions and answers in a block of lines. Numbers at a line start ("1.",
// "1.Hoeveel", "2. ") open an item; which of them are the real questions/answers follows from
// their order, because the documents also contain numbered lists that are not.

export interface NumberedItem {
  number: number;
  /** The item's lines; the first without its "1." marker (unless the marker is a group like "1., 2. en 3."). */
  lines: string[];
}

interface Marker {
  number: number;
  /** The line without the marker. */
  rest: string;
  /** "1., 2. en 3. …": an answer to several questions at once; the text keeps the whole group. */
  group: boolean;
}

// "1." but not "1.339" or "2.000.000,00", at most three digits (years are no item numbers); also
// a group "2 en 3." / "4-6.", numbered by its first question.
const itemNumber = String.raw`\d{1,3}`;
const groupLink = String.raw`\s*(?:,|en|tot|-|–)\s*${itemNumber}`;
const markerPattern = new RegExp(
  String.raw`^\s*(${itemNumber})((?:${groupLink})*)\.(?![\d.])\s*(.*)$`,
  's',
);
/** "1., 2. en 3. …": the rest of a group after its first number. */
const groupContinuation = /^(,|(en|tot|-|–)\s*\d)/;

function parseMarker(line: string): Marker | null {
  const match = markerPattern.exec(line);
  if (!match) return null;
  const number = Number(match[1]);
  const rest = match[3] ?? '';
  if (number === 0) return null;
  return { number, rest, group: Boolean(match[2]) || groupContinuation.test(rest) };
}

/** A line that ends a quotation: the quoted list inside an answer stops there. */
const closesQuotation = /[”"’»]\s*$/;

export interface QuestionBlock {
  /** Lines before the first question (the preamble, with any list of its own). */
  context: string[];
  /** Questions 1..n; empty when the questions are not numbered. */
  questions: NumberedItem[];
}

/**
 * The questions are the last numbered run 1, 2, 3, … of the block: a list earlier in the preamble
 * (also starting at 1) is context. Markers that do not continue the run stay in the text.
 */
export function splitQuestions(lines: readonly string[]): QuestionBlock {
  const markers = lines.map(parseMarker);
  const lastRunStart = markers.findLastIndex((marker) => marker?.number === 1);
  if (lastRunStart === -1) return { context: [...lines], questions: [] };
  const questions: NumberedItem[] = [];
  lines.slice(lastRunStart).forEach((line, offset) => {
    const marker = markers[lastRunStart + offset];
    const current = questions.at(-1);
    if (marker && marker.number === (current?.number ?? 0) + 1) {
      questions.push({ number: marker.number, lines: [marker.rest] });
    } else {
      current?.lines.push(line);
    }
  });
  return { context: lines.slice(0, lastRunStart), questions };
}

export interface AnswerBlock {
  /** Lines before the first numbered answer (an answer to all questions, or an introduction). */
  intro: string[];
  answers: NumberedItem[];
}

/**
 * Answers carry the numbers of the questions, in increasing order; they may skip a number. A run
 * that restarts below the current answer (a "1." inside answer 4) is a quoted list and stays in
 * that answer, until the quotation closes or the run breaks off.
 */
export function splitAnswers(
  lines: readonly string[],
  questionNumbers: ReadonlySet<number>,
): AnswerBlock {
  const intro: string[] = [];
  const answers: NumberedItem[] = [];
  let quotedRun: number | null = null;
  for (const line of lines) {
    const marker = parseMarker(line);
    const current = answers.at(-1);
    const currentNumber = current?.number ?? 0;
    if (marker && quotedRun !== null && marker.number === quotedRun + 1) {
      quotedRun = marker.number;
    } else if (marker && marker.number > currentNumber && questionNumbers.has(marker.number)) {
      answers.push({ number: marker.number, lines: [marker.group ? line : marker.rest] });
      quotedRun = null;
      continue;
    } else if (marker && current && marker.number <= currentNumber) {
      quotedRun = marker.number;
    }
    (current?.lines ?? intro).push(line);
    if (quotedRun !== null && closesQuotation.test(line)) quotedRun = null;
  }
  return { intro, answers };
}

const inlineItem = new RegExp(
  String.raw`([.?!:;)"”])\s*(?=${itemNumber}(?:${groupLink})*\.(?![\d.])\s*[^\s\d])`,
  'g',
);

/**
 * The federal data runs numbered items into one line ("…hoe?2. Zou er…"): this puts each item that
 * follows the end of a sentence on its own line, so splitQuestions/splitAnswers can see it.
 */
export function splitInlineItems(text: string): string[] {
  return text.replace(inlineItem, '$1\n').split('\n');
}
