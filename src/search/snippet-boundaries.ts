// Where a snippet starts and ends: at a sentence or clause boundary when one is near enough, else
// at a word boundary, and "…" wherever the text was cut. The cut marks are added by one function
// that both engines apply to their fragments (Elasticsearch's unified highlighter already breaks at
// sentences; the embedded highlighter uses the boundaries below), so snippets read alike.
import { FRAGMENT_SIZE } from './rules.ts';

/** A boundary: one of its marks, then what follows the mark up to and with the space after it. */
interface Boundary {
  /** 1 at the code of each mark (all ASCII). */
  marks: Uint8Array;
  /** Sticky: matched right after the mark. */
  rest: RegExp;
}

const boundaryOf = (marks: string, rest: RegExp): Boundary => ({
  marks: Uint8Array.from({ length: 128 }, (_, code) =>
    marks.includes(String.fromCharCode(code)) ? 1 : 0,
  ),
  rest,
});

const SENTENCE_END = boundaryOf('.!?', /["')\]]?\s/y);
const CLAUSE_END = boundaryOf(',;:', /\s/y);

/**
 * The end (index after the mark and space) of the last `boundary` starting in text[from, to) and
 * ending at `endLimit` or before, or -1. Searched backwards from `to`, where the wanted one is:
 * scanning forwards with a global pattern ran on past `to` to the next boundary, often far beyond.
 * (A boundary's characters after its mark are no marks, so boundaries never overlap and each
 * position can be tested on its own.)
 */
function lastBoundary(
  text: string,
  boundary: Boundary,
  from: number,
  to: number,
  endLimit = Infinity,
): number {
  const { marks, rest } = boundary;
  for (let i = Math.min(to, text.length) - 1; i >= from; i--) {
    if (marks[text.charCodeAt(i)] !== 1) continue;
    rest.lastIndex = i + 1;
    // A sticky pattern's lastIndex is where its match ended.
    if (rest.test(text) && rest.lastIndex <= endLimit) return rest.lastIndex;
  }
  return -1;
}

/** Start of a snippet around a match at `matchStart`: a sentence, else clause, else word start. */
export function snippetStart(text: string, matchStart: number): number {
  const earliest = Math.max(0, matchStart - FRAGMENT_SIZE / 2);
  if (earliest === 0) return 0;
  for (const boundary of [SENTENCE_END, CLAUSE_END]) {
    const found = lastBoundary(text, boundary, earliest, matchStart, matchStart);
    if (found !== -1) return found;
  }
  const space = text.indexOf(' ', matchStart - 40);
  return space === -1 || space >= matchStart ? Math.max(0, matchStart - 40) : space + 1;
}

/** End of a snippet from `start` holding a match up to `matchEnd`: sentence, clause or word end. */
export function snippetEnd(text: string, start: number, matchEnd: number): number {
  const limit = start + FRAGMENT_SIZE;
  if (limit >= text.length) return text.length;
  for (const boundary of [SENTENCE_END, CLAUSE_END]) {
    const found = lastBoundary(text, boundary, matchEnd, limit);
    if (found !== -1) return found - 1;
  }
  const space = text.lastIndexOf(' ', limit);
  return space > matchEnd ? space : Math.max(matchEnd, limit);
}

/** What String.prototype.trim removes (white space and line ends: the same set as \s). */
const trimmed = /\s/y;

function isTrimmed(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  trimmed.lastIndex = at;
  return trimmed.test(text);
}

/** The length of the mark tag ending at `end` (or starting at `start`), 0 when there is none. */
const tagBefore = (html: string, end: number) =>
  html.endsWith('</mark>', end) ? 7 : html.endsWith('<mark>', end) ? 6 : 0;
const tagAt = (html: string, start: number) =>
  html.startsWith('<mark>', start) ? 6 : html.startsWith('</mark>', start) ? 7 : 0;

/**
 * The first and last code unit of the fragment's text (without its mark tags, trimmed), or null
 * when it has none: found from both ends instead of stripping every tag, as only the edges count.
 * (A tag holds a single "<" and ">", so tags never overlap and each one seen is one removed.)
 */
function textEdges(fragment: string): [number, number] | null {
  let first = 0;
  let end = fragment.length;
  for (let skip = 1; skip > 0 && first < end; first += skip)
    skip = tagAt(fragment, first) || (isTrimmed(fragment, first) ? 1 : 0);
  for (let skip = 1; skip > 0 && end > first; end -= skip)
    skip = tagBefore(fragment, end) || (isTrimmed(fragment, end - 1) ? 1 : 0);
  return end > first ? [first, end - 1] : null;
}

const opensSentence = /^[\p{Lu}\p{N}"'‘“(•\-–]/u;
const closesSentence = /^[.!?:;)"'’”]$/u;

/**
 * A fragment (HTML) with "…" where it was cut from its text: before it unless it starts a sentence
 * (a capital, digit or opening quote), after it unless it ends one.
 */
export function withCutMarks(fragment: string): string {
  const edges = textEdges(fragment);
  if (edges === null) return fragment;
  const [first, last] = edges;
  const startsSentence = opensSentence.test(String.fromCodePoint(fragment.codePointAt(first)!));
  // The closing marks are all single code units.
  const endsSentence = closesSentence.test(fragment[last]!);
  return `${startsSentence ? '' : '… '}${fragment.trim()}${endsSentence ? '' : ' …'}`;
}
