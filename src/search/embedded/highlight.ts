// Highlights in the format of Elasticsearch's unified highlighter as the ES backend configures it:
// HTML-escaped text (Lucene's SimpleHTMLEncoder), <mark> around every token the query matched
// (stemmed terms, prefixes, phrase tokens), at most three fragments of about 160 characters,
// best first chosen and then shown in text order; without any match the text's opening.
import { LRUCache } from 'lru-cache';
import { analyzeWith, type AnalyzedToken } from '../../analysis/analyzer.ts';
import type { MatchTargets } from './evaluate.ts';

const FRAGMENT_SIZE = 160;
const MAX_FRAGMENTS = 3;

const htmlEscapes: Record<string, string> = {
  '"': '&quot;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#x27;',
  '/': '&#x2F;',
};

export const escapeHtml = (text: string) => text.replace(/["&<>'/]/g, (c) => htmlEscapes[c] ?? c);

/**
 * Tokens of recently highlighted texts. Elasticsearch highlights from offsets stored in the index;
 * here the stored text is analysed again, which dominates a page of hits, and the same passages
 * come back query after query.
 */
const recentTokens = {
  dutch_text: new LRUCache<string, AnalyzedToken[]>({ max: 1_000 }),
  dutch_exact: new LRUCache<string, AnalyzedToken[]>({ max: 1_000 }),
};

function tokensOf(analyzer: keyof typeof recentTokens, text: string): AnalyzedToken[] {
  let tokens = recentTokens[analyzer].get(text);
  if (!tokens) {
    tokens = analyzeWith(analyzer, text);
    recentTokens[analyzer].set(text, tokens);
  }
  return tokens;
}

export interface Span {
  start: number;
  end: number;
}

/** Where the query matched in a text: the spans that get a <mark> (also used by the document view). */
export function matchedSpans(text: string, targets: MatchTargets): Span[] {
  const spans: Span[] = [];
  if (targets.terms.size > 0 || targets.prefixes.length > 0) {
    for (const token of tokensOf('dutch_text', text)) {
      const term = token.term;
      if (term === null) continue;
      if (targets.terms.has(term) || targets.prefixes.some((prefix) => term.startsWith(prefix))) {
        spans.push({ start: token.start, end: token.end });
      }
    }
  }
  if (targets.phrases.length > 0) {
    const tokens = tokensOf('dutch_exact', text);
    for (const phrase of targets.phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((term, k) => tokens[i + k]?.term === term)) {
          for (let k = 0; k < phrase.length; k++) {
            const token = tokens[i + k];
            if (token) spans.push({ start: token.start, end: token.end });
          }
        }
      }
    }
  }
  const unique = new Map(spans.map((s) => [s.start, s]));
  return [...unique.values()].sort((a, b) => a.start - b.start);
}

/** A window of about FRAGMENT_SIZE characters around `span`, on word boundaries. */
function windowAround(text: string, span: Span): Span {
  const sentenceStart = Math.max(
    text.lastIndexOf('. ', span.start) + 2,
    text.lastIndexOf('\n', span.start) + 1,
  );
  let start = span.start - sentenceStart <= FRAGMENT_SIZE / 2 ? sentenceStart : span.start - 40;
  start = Math.max(0, start);
  if (start > 0 && /\S/.test(text[start - 1] ?? '')) {
    const space = text.indexOf(' ', start);
    start = space === -1 || space > span.start ? start : space + 1;
  }
  return { start, end: wordBoundaryBefore(text, start + FRAGMENT_SIZE, span.end) };
}

function wordBoundaryBefore(text: string, limit: number, atLeast: number): number {
  if (limit >= text.length) return text.length;
  const space = text.lastIndexOf(' ', limit);
  return space > atLeast ? space : Math.max(atLeast, limit);
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

export function highlight(text: string, targets: MatchTargets): string[] {
  const spans = matchedSpans(text, targets);
  if (spans.length === 0) {
    return text === ''
      ? []
      : [escapeHtml(text.slice(0, wordBoundaryBefore(text, FRAGMENT_SIZE, 0)).trim())];
  }
  // Candidate fragments, one per match not already inside the previous one.
  const windows: (Span & { matches: number })[] = [];
  for (const span of spans) {
    const last = windows.at(-1);
    if (last && span.end <= last.end) continue;
    const window = windowAround(text, span);
    const matches = spans.filter((s) => s.start >= window.start && s.end <= window.end).length;
    windows.push({ ...window, matches });
  }
  return windows
    .map((window, order) => ({ ...window, order }))
    .sort((a, b) => b.matches - a.matches || a.order - b.order)
    .slice(0, MAX_FRAGMENTS)
    .sort((a, b) => a.start - b.start)
    .map((window) => render(text, window, spans));
}
