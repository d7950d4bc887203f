// Highlights in the format of Elasticsearch's unified highlighter as the ES backend configures it:
// HTML-escaped text (Lucene's SimpleHTMLEncoder), <mark> around every token the query matched
// (stemmed terms, prefixes, phrase tokens), at most MAX_FRAGMENTS fragments of about
// FRAGMENT_SIZE characters, best first chosen and then shown in text order; without any match the
// text's opening. The tokens and their offsets come from the index's forward index (as
// Elasticsearch highlights from offsets stored in the index), not from analysing the text again.
import { MAX_FRAGMENTS } from '../rules.ts';
import { snippetEnd, snippetStart, withCutMarks } from '../snippet-boundaries.ts';
import type { MatchTargets } from './compile.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { ForwardReader, type ForwardTokens } from './forward-index.ts';
import { prefixRange, termId, type FieldData } from './segment.ts';
import { lowerBound } from './sorted-search.ts';

const htmlEscapes: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#x27;',
  '/': '&#x2F;',
};

const escaped = /["&<>'/]/;

/** Tested first: most pieces of text have nothing to escape, and replacing with a callback costs. */
export const escapeHtml = (text: string) =>
  escaped.test(text) ? text.replace(/["&<>'/]/g, (c) => htmlEscapes[c] ?? c) : text;

export interface Span {
  start: number;
  end: number;
}

export type { ForwardTokens };

const stemmedReader = new ForwardReader();
const exactReader = new ForwardReader();

/** No tokens: what a field is read as when none of the query's targets occurs in it. */
const noTokens: ForwardTokens = {
  terms: [],
  tokenStarts: new Uint32Array(2),
  tokenTerms: new Int32Array(0),
  tokenPositions: new Int32Array(0),
  tokenBegins: new Int32Array(0),
  tokenEnds: new Int32Array(0),
};

/** The targets as term ids of one forward index: stemmed terms and prefix ranges, exact phrases. */
interface TargetIds {
  /** The stemmed terms' ids (those in the dictionary). */
  terms: number[];
  /** [from, to) ranges of stemmed term ids, flat: the terms as [id, id + 1), then the prefixes. */
  ranges: Int32Array;
  hasPrefixes: boolean;
  /** Phrases whose every term is in the dictionary. */
  phrases: number[][];
}

/**
 * Per targets (one search) and field dictionary, the targets' term ids, looked up once. Keyed by
 * the stemmed dictionary (each has its own exact one), not by tokens: a ForwardReader hands out
 * one reused object for every field.
 */
const resolved = new WeakMap<MatchTargets, WeakMap<readonly string[], TargetIds>>();

function targetIds(
  stemmedTerms: readonly string[],
  exactTerms: readonly string[],
  targets: MatchTargets,
): TargetIds {
  let byField = resolved.get(targets);
  if (!byField) resolved.set(targets, (byField = new WeakMap()));
  let ids = byField.get(stemmedTerms);
  if (!ids) {
    const terms = [...targets.terms]
      .map((term) => termId({ terms: stemmedTerms }, term))
      .filter((id) => id !== -1);
    const prefixes = targets.prefixes.map((prefix) => prefixRange({ terms: stemmedTerms }, prefix));
    const phrases = targets.phrases
      .map((phrase) => phrase.map((term) => termId({ terms: exactTerms }, term)))
      .filter((phrase) => !phrase.includes(-1));
    ids = {
      terms,
      ranges: Int32Array.from([...terms.flatMap((id) => [id, id + 1]), ...prefixes.flat()]),
      hasPrefixes: prefixes.length > 0,
      phrases,
    };
    byField.set(stemmedTerms, ids);
  }
  return ids;
}

function inRanges(ranges: Int32Array, id: number): boolean {
  for (let r = 0; r < ranges.length; r += 2)
    if (id >= ranges[r]! && id < ranges[r + 1]!) return true;
  return false;
}

/** The spans in order of their start, one per start (the last one found). */
function byStart(spans: Span[]): Span[] {
  let ordered = true;
  for (let i = 1; i < spans.length && ordered; i++) ordered = spans[i - 1]!.start < spans[i]!.start;
  if (ordered) return spans;
  const unique = new Map(spans.map((s) => [s.start, s]));
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

/**
 * Where the query matched passage `doc`: the spans that get a <mark> (also the document view's),
 * in text order. Both forward indexes hold their terms in code-unit order (term ids by binary
 * search).
 */
export function matchedSpans(
  stemmed: ForwardTokens,
  exact: ForwardTokens,
  doc: number,
  targets: MatchTargets,
): Span[] {
  return spansOf(stemmed, exact, doc, targetIds(stemmed.terms, exact.terms, targets));
}

function spansOf(stemmed: ForwardTokens, exact: ForwardTokens, doc: number, ids: TargetIds) {
  const { ranges, phrases } = ids;
  const spans: Span[] = [];
  if (ranges.length > 0) {
    const { tokenTerms, tokenBegins, tokenEnds } = stemmed;
    for (let t = stemmed.tokenStarts[doc]!; t < stemmed.tokenStarts[doc + 1]!; t++) {
      if (inRanges(ranges, tokenTerms[t]!))
        spans.push({ start: tokenBegins[t]!, end: tokenEnds[t]! });
    }
  }
  // Phrases by position, so tokens sharing a position (a compound and its parts) still match.
  for (const phrase of phrases) {
    for (let t = exact.tokenStarts[doc]!; t < exact.tokenStarts[doc + 1]!; t++) {
      if (exact.tokenTerms[t] !== phrase[0]) continue;
      const found = [t];
      for (let k = 1; k < phrase.length && found.length === k; k++) {
        const next = tokenAt(exact, doc, exact.tokenPositions[t]! + k, phrase[k]!);
        if (next !== -1) found.push(next);
      }
      if (found.length < phrase.length) continue;
      for (const f of found) spans.push({ start: exact.tokenBegins[f]!, end: exact.tokenEnds[f]! });
    }
  }
  return byStart(spans);
}

/** Whether passage `doc` holds term `id` of `field`: a binary search in its postings. */
function holds(field: FieldData, id: number, doc: number): boolean {
  const end = field.postingStarts[id + 1]!;
  const at = lowerBound(field.postingDocs, doc, field.postingStarts[id]!, end);
  return at < end && field.postingDocs[at] === doc;
}

/**
 * matchedSpans for passage `local` of a segment's field and its exact subfield. The postings tell
 * whether any target occurs in the passage, so a field without one is not decoded at all (most
 * titles; the exact field unless a phrase's every word is there).
 */
function fieldSpans(stemmed: FieldData, exact: FieldData, local: number, targets: MatchTargets) {
  const ids = targetIds(stemmed.terms, exact.terms, targets);
  const inStemmed = ids.hasPrefixes || ids.terms.some((id) => holds(stemmed, id, local));
  const inExact = ids.phrases.some((phrase) => phrase.every((id) => holds(exact, id, local)));
  if (!inStemmed && !inExact) return [];
  return spansOf(
    inStemmed ? stemmedReader.read(stemmed, local) : noTokens,
    inExact ? exactReader.read(exact, local) : noTokens,
    0,
    ids,
  );
}

/** The token of passage `doc` at `position` with term id `term`, or -1. */
function tokenAt(data: ForwardTokens, doc: number, position: number, term: number): number {
  for (let t = data.tokenStarts[doc]!; t < data.tokenStarts[doc + 1]!; t++) {
    const at = data.tokenPositions[t]!;
    if (at > position) break;
    if (at === position && data.tokenTerms[t] === term) return t;
  }
  return -1;
}

function render(text: string, window: Span, spans: Span[]): string {
  let html = '';
  let at = window.start;
  for (const span of spans) {
    if (span.start < at || span.end > window.end) continue;
    html += `${escapeHtml(text.slice(at, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return (html + escapeHtml(text.slice(at, window.end))).trim();
}

/** The whole title of passage `doc` with the query's matches marked; null when none matched. */
export function highlightTitle(
  index: EmbeddedIndex,
  doc: number,
  title: string,
  targets: MatchTargets,
): string | null {
  const [segment, local] = index.locate(doc);
  const spans = fieldSpans(segment.fields.title, segment.fields.titleExact, local, targets);
  return spans.length === 0 ? null : render(title, { start: 0, end: title.length }, spans);
}

/** Fragments of passage `doc`'s text (`text`) with the query's matches marked. */
export function highlight(
  index: EmbeddedIndex,
  doc: number,
  text: string,
  targets: MatchTargets,
): string[] {
  const [segment, local] = index.locate(doc);
  const spans = fieldSpans(segment.fields.text, segment.fields.textExact, local, targets);
  if (spans.length === 0) {
    return text === ''
      ? []
      : [withCutMarks(escapeHtml(text.slice(0, snippetEnd(text, 0, 0)).trim()))];
  }
  // Candidate fragments, one per match not already inside the previous one (built field by field:
  // spreading the window into a new object took a third of the highlighting time).
  const windows: Fragment[] = [];
  for (const span of spans) {
    if (windows.length > 0 && span.end <= windows[windows.length - 1]!.end) continue;
    const start = snippetStart(text, span.start);
    const window = {
      start,
      end: snippetEnd(text, start, span.end),
      matches: 0,
      order: windows.length,
    };
    window.matches = matchesWithin(spans, window);
    windows.push(window);
  }
  return windows
    .sort((a, b) => b.matches - a.matches || a.order - b.order)
    .slice(0, MAX_FRAGMENTS)
    .sort((a, b) => a.start - b.start)
    .map((window) => withCutMarks(render(text, window, spans)));
}

interface Fragment extends Span {
  matches: number;
  /** Place among the candidates: the first of equally good ones is taken. */
  order: number;
}

/** How many of `spans` (in order of their start) lie within `window`. */
function matchesWithin(spans: Span[], window: Span): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.start < window.start) low = middle + 1;
    else high = middle;
  }
  let matches = 0;
  // A span starting beyond the window's end also ends beyond it.
  for (let i = low; i < spans.length && spans[i]!.start <= window.end; i++)
    if (spans[i]!.end <= window.end) matches++;
  return matches;
}
