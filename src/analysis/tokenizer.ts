// Tokenizer "standard": Unicode word segmentation (UAX #29) as Lucene's StandardTokenizer does it.
// Intl.Segmenter implements UAX #29 (ICU); where ICU departs from Lucene it is corrected here:
// - ICU splits Chinese/Japanese/Thai… text into dictionary words; Lucene emits one token per
//   Han or Hiragana character, and keeps a run of Katakana or of South-East Asian script whole;
// - ICU does not count emoji as words; Lucene emits them as tokens;
// - Lucene cuts a token longer than 255 characters and tokenizes the rest afresh.
export interface Token {
  text: string;
  start: number;
  end: number;
  position: number;
}

/** Lucene's StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH, as used by Elasticsearch's standard tokenizer. */
export const maxTokenLength = 255;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

const southEastAsian = String.raw`\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Tai_Le}\p{Script=New_Tai_Lue}\p{Script=Tai_Tham}\p{Script=Tai_Viet}`;
const dictionaryScript = new RegExp(
  String.raw`[\p{Script=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}${southEastAsian}]`,
  'u',
);
const oneTokenPerCharacter = /^[\p{Script=Han}\p{Script=Hiragana}]$/u;
const katakanaRun = /^\p{Script_Extensions=Katakana}+$/u;
const southEastAsianRun = new RegExp(String.raw`^[${southEastAsian}]+$`, 'u');
// Pictographs, flags and keycaps ("1️⃣"), as Lucene's EMOJI token type.
const emoji = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

interface Span {
  start: number;
  end: number;
}

/** Splits a word-like ICU segment of CJK/SE-Asian text into Lucene's units. */
function splitDictionarySegment(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let runStart = start;
  let index = start;
  for (const char of text.slice(start, end)) {
    if (oneTokenPerCharacter.test(char)) {
      if (index > runStart) spans.push({ start: runStart, end: index });
      spans.push({ start: index, end: index + char.length });
      runStart = index + char.length;
    }
    index += char.length;
  }
  if (end > runStart) spans.push({ start: runStart, end });
  return spans;
}

function mergesWith(text: string, previous: Span | undefined, next: Span): boolean {
  if (!previous || previous.end !== next.start) return false;
  const a = text.slice(previous.start, previous.end);
  const b = text.slice(next.start, next.end);
  return (
    (katakanaRun.test(a) && katakanaRun.test(b)) ||
    (southEastAsianRun.test(a) && southEastAsianRun.test(b))
  );
}

// V8's Intl.Segmenter takes time quadratic in the length of the string it walks (80 kB: 3 s,
// 250 kB: half a minute), so long texts are walked in pieces of about PIECE_LENGTH characters,
// cut only where UAX #29 always breaks: after a space or line break, before a letter or digit
// (not after U+FEFF, which is a format character that joins its neighbours).
const PIECE_LENGTH = 2_000;
const pieceEnd = /(?!\uFEFF)\s[\p{L}\p{N}]/gu;

function* pieces(text: string): Generator<{ start: number; end: number }> {
  let start = 0;
  while (text.length - start > PIECE_LENGTH) {
    pieceEnd.lastIndex = start + PIECE_LENGTH;
    const cut = pieceEnd.exec(text);
    if (!cut) break;
    yield { start, end: cut.index + 1 };
    start = cut.index + 1;
  }
  yield { start, end: text.length };
}

function* segments(text: string): Generator<Intl.SegmentData> {
  for (const piece of pieces(text)) {
    for (const data of segmenter.segment(text.slice(piece.start, piece.end))) {
      yield { ...data, index: data.index + piece.start };
    }
  }
}

function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const { segment, index, isWordLike } of segments(text)) {
    const span = { start: index, end: index + segment.length };
    if (!isWordLike) {
      if (emoji.test(segment) && !/\s/u.test(segment)) spans.push(span);
      continue;
    }
    if (!dictionaryScript.test(segment)) {
      spans.push(span);
      continue;
    }
    for (const part of splitDictionarySegment(text, span.start, span.end)) {
      const previous = spans.at(-1);
      if (previous && mergesWith(text, previous, part)) previous.end = part.end;
      else spans.push(part);
    }
  }
  return spans;
}

export function standardTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const emit = (start: number, end: number) =>
    tokens.push({ text: text.slice(start, end), start, end, position: tokens.length });
  for (const { start, end } of wordSpans(text)) {
    if (end - start <= maxTokenLength) {
      emit(start, end);
      continue;
    }
    emit(start, start + maxTokenLength);
    // The rest is scanned afresh, as Lucene's scanner does after cutting a token.
    for (const rest of standardTokenize(text.slice(start + maxTokenLength, end))) {
      emit(start + maxTokenLength + rest.start, start + maxTokenLength + rest.end);
    }
  }
  return tokens;
}
