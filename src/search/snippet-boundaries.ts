// Where a snippet starts and ends: at a sentence or clause boundary when one is near enough, else
// at a word boundary, and "…" wherever the text was cut. The cut marks are added by one function
// that both engines apply to their fragments (Elasticsearch's unified highlighter already breaks at
// sentences; the embedded highlighter uses the boundaries below), so snippets read alike.
import { FRAGMENT_SIZE } from './rules.ts';

const SENTENCE_END = /[.!?]["')\]]?\s/g;
const CLAUSE_END = /[,;:]\s/g;

/** A boundary's longest match: the mark, a closing quote or bracket, the space. */
const LONGEST_BOUNDARY = 3;

/** Ends (index after the mark and space) of every boundary of `pattern` starting in text[from, to). */
function boundaries(text: string, pattern: RegExp, from: number, to: number): number[] {
  // Matched in the slice that can hold them: on the whole text, the last exec ran on past `to` to
  // the next boundary, often far beyond, and that scan cost more than the rest of a snippet.
  const part = text.slice(from, to + LONGEST_BOUNDARY - 1);
  const found: number[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(part); m && m.index < to - from; m = pattern.exec(part))
    found.push(from + m.index + m[0].length);
  return found;
}

/** Start of a snippet around a match at `matchStart`: a sentence, else clause, else word start. */
export function snippetStart(text: string, matchStart: number): number {
  const earliest = Math.max(0, matchStart - FRAGMENT_SIZE / 2);
  if (earliest === 0) return 0;
  for (const pattern of [SENTENCE_END, CLAUSE_END]) {
    const found = boundaries(text, pattern, earliest, matchStart).filter((b) => b <= matchStart);
    if (found.length > 0) return found[found.length - 1]!;
  }
  const space = text.indexOf(' ', matchStart - 40);
  return space === -1 || space >= matchStart ? Math.max(0, matchStart - 40) : space + 1;
}

/** End of a snippet from `start` holding a match up to `matchEnd`: sentence, clause or word end. */
export function snippetEnd(text: string, start: number, matchEnd: number): number {
  const limit = start + FRAGMENT_SIZE;
  if (limit >= text.length) return text.length;
  for (const pattern of [SENTENCE_END, CLAUSE_END]) {
    const found = boundaries(text, pattern, matchEnd, limit);
    if (found.length > 0) return found[found.length - 1]! - 1;
  }
  const space = text.lastIndexOf(' ', limit);
  return space > matchEnd ? space : Math.max(matchEnd, limit);
}

const tagless = (html: string) => html.replace(/<\/?mark>/g, '');

/**
 * A fragment (HTML) with "…" where it was cut from its text: before it unless it starts a sentence
 * (a capital, digit or opening quote), after it unless it ends one.
 */
export function withCutMarks(fragment: string): string {
  const text = tagless(fragment).trim();
  if (text === '') return fragment;
  const startsSentence = /^[\p{Lu}\p{N}"'‘“(•\-–]/u.test(text);
  const endsSentence = /[.!?:;)"'’”]$/u.test(text);
  return `${startsSentence ? '' : '… '}${fragment.trim()}${endsSentence ? '' : ' …'}`;
}
