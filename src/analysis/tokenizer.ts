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

type Run = 'katakana' | 'southEastAsian' | null;

function runOf(text: string): Run {
  if (katakanaRun.test(text)) return 'katakana';
  return southEastAsianRun.test(text) ? 'southEastAsian' : null;
}

/** Adjacent Katakana runs, or South-East Asian runs, are one token. */
function mergesWith(previous: Span & { run: Run }, next: Span & { run: Run }): boolean {
  return previous.end === next.start && previous.run !== null && previous.run === next.run;
}

// V8's Intl.Segmenter takes time quadratic in the length of the string it walks (80 kB of Han:
// 14 s, of emoji: 7 s), so text is walked in pieces of PIECE_LENGTH to 2 × PIECE_LENGTH code units,
// cut only where the cut cannot change a token (see safeCut). A run longer than PIECE_LENGTH with
// no such place is one long word: it is cut a multiple of maxTokenLength after where it starts,
// exactly where Lucene cuts it and starts afresh, so every piece is bounded and the cost linear.
const PIECE_LENGTH = 2_000;
const LONG_RUN_CUT = Math.floor(PIECE_LENGTH / maxTokenLength) * maxTokenLength;
const spaceBeforeWord = /(?!\uFEFF)\s[\p{L}\p{N}]/u;

// UAX #29 joins two characters only when both are of these kinds (letters, digits, connectors,
// the "mid" punctuation of WB6-WB12 and quotes), or across extend/format characters, a ZWJ, a
// pair of regional indicators or of spaces. Han and Hiragana never join (Lucene: one token each).
const joins =
  /[\p{L}\p{N}\p{Pc}\u202f'".:,;\u00b7\u037e\u0387\u055f\u0589\u05f3\u05f4\u060c\u060d\u066c\u07f8\u2018\u2019\u2024\u2027\u2044\ufe10\ufe13\ufe14\ufe50\ufe52\ufe54\ufe55\uff07\uff0c\uff0e\uff1a\uff1b]/u;
const ideograph = /[\p{Script=Han}\p{Script=Hiragana}]/u;
// MidNum joins digits only: "a,a" breaks on both sides of the comma.
const midNum =
  /[,;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b]/u;
const attaches = /[\p{M}\p{Cf}\p{Emoji_Modifier}\p{Regional_Indicator}\s]/u;

const joinsWord = (c: string) => joins.test(c) && !ideograph.test(c);

/** Whether UAX #29 breaks between code points a and b whatever surrounds them. */
function safeCut(a: string, b: string): boolean {
  if (attaches.test(a) || attaches.test(b)) return false;
  if (!joinsWord(a) || !joinsWord(b)) return true;
  return (/\p{L}/u.test(a) && midNum.test(b)) || (midNum.test(a) && /\p{L}/u.test(b));
}

/** Where the piece that starts at `start` ends (start is a place where Lucene starts afresh). */
function pieceEnd(text: string, start: number): number {
  const windowEnd = Math.min(text.length, start + 2 * PIECE_LENGTH);
  const space = spaceBeforeWord.exec(text.slice(start + PIECE_LENGTH, windowEnd));
  if (space) return start + PIECE_LENGTH + space.index + 1;
  let lastCut = start;
  let previous = '';
  for (let index = start; index < windowEnd;) {
    const char = String.fromCodePoint(text.codePointAt(index)!);
    if (index > start && safeCut(previous, char)) {
      if (index >= start + PIECE_LENGTH) return index;
      lastCut = index;
    }
    previous = char;
    index += char.length;
  }
  if (lastCut > start) return lastCut; // the long run gets a piece of its own, from its start
  let cut = start + LONG_RUN_CUT;
  if (/[\udc00-\udfff]/.test(text[cut] ?? '')) cut--; // never inside a surrogate pair
  return cut;
}

function* pieces(text: string): Generator<{ start: number; end: number }> {
  let start = 0;
  while (text.length - start > 2 * PIECE_LENGTH) {
    const end = pieceEnd(text, start);
    yield { start, end };
    start = end;
  }
  yield { start, end: text.length };
}

function* segments(text: string): Generator<Intl.SegmentData & { pieceStart: number }> {
  for (const piece of pieces(text)) {
    for (const data of segmenter.segment(text.slice(piece.start, piece.end))) {
      yield { ...data, index: data.index + piece.start, pieceStart: piece.start };
    }
  }
}

function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  let previousRun: (Span & { run: Run }) | undefined; // the last span, when it came from a dictionary segment
  for (const { segment, index, isWordLike, pieceStart } of segments(text)) {
    const span = { start: index, end: index + segment.length };
    if (!isWordLike) {
      if (emoji.test(segment) && !/\s/u.test(segment)) {
        spans.push(span);
        previousRun = undefined;
      }
      continue;
    }
    if (!dictionaryScript.test(segment)) {
      spans.push(span);
      previousRun = undefined;
      continue;
    }
    for (const part of splitDictionarySegment(text, span.start, span.end)) {
      const run = { ...part, run: runOf(text.slice(part.start, part.end)) };
      // Never across pieces: a long run was cut there where Lucene starts afresh.
      if (previousRun && previousRun.start >= pieceStart && mergesWith(previousRun, run)) {
        previousRun.end = run.end;
      } else {
        spans.push(run);
        previousRun = run;
      }
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
