// A fast path for the standard tokenizer (./tokenizer.ts) on Latin-script text, which is nearly all
// of the corpus: one pass over the character codes applying the UAX #29 word rules that Latin text
// can meet (letters and digits join; . ' ’ ‘ join letters and digits, : · join letters, , ; join
// digits; _ joins anything). Any other character (other scripts, emoji, format characters, a token
// longer than Lucene's limit) sends the whole text to the reference tokenizer, which stays the
// definition: tests/analysis/analyzer-fast-path.test.ts checks both agree on the whole corpus.
import { maxTokenLength, standardTokenize, type Token } from './tokenizer.ts';

const enum Kind {
  Other, // not handled here: fall back
  Separator,
  Letter,
  Digit,
  MidLetter, // : ·
  MidNumLet, // . ' ’ ‘
  MidNum, // , ;
  ExtendNumLet, // _
}

const kinds = new Uint8Array(0x2100);
function mark(kind: Kind, chars: string): void {
  for (const char of chars) kinds[char.charCodeAt(0)] = kind;
}
for (let c = 0x41; c <= 0x5a; c++) kinds[c] = Kind.Letter;
for (let c = 0x61; c <= 0x7a; c++) kinds[c] = Kind.Letter;
for (let c = 0xc0; c <= 0x24f; c++) if (c !== 0xd7 && c !== 0xf7) kinds[c] = Kind.Letter;
for (let c = 0x30; c <= 0x39; c++) kinds[c] = Kind.Digit;
mark(Kind.Separator, ' \t\n\r\f\v!"#$%&()*+-/<=>?@[\\]^`{|}~\u00a0–—…«»“”„•€§°\u2009\u202f');
mark(Kind.MidLetter, ':·');
mark(Kind.MidNumLet, ".'’‘");
mark(Kind.MidNum, ',;');
mark(Kind.ExtendNumLet, '_');

const kindAt = (text: string, i: number): Kind => {
  const code = text.charCodeAt(i);
  return code < kinds.length ? (kinds[code] as Kind) : Kind.Other;
};

const isWordChar = (kind: Kind) =>
  kind === Kind.Letter || kind === Kind.Digit || kind === Kind.ExtendNumLet;

/**
 * Where the standard tokenizer's tokens of Latin text are, as [start, end) pairs (token k at 2k,
 * position k), without making strings; null when the text needs the reference tokenizer.
 */
export function latinTokenSpans(text: string): Int32Array | null {
  let spans = new Int32Array(64);
  let count = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const kind = kindAt(text, i);
    if (kind === Kind.Other) return null;
    if (!isWordChar(kind)) {
      i++;
      continue;
    }
    const start = i;
    let previous = kind;
    let wordLike = kind !== Kind.ExtendNumLet;
    i++;
    while (i < length) {
      const next = kindAt(text, i);
      if (next === Kind.Other) return null;
      if (isWordChar(next)) {
        wordLike ||= next !== Kind.ExtendNumLet;
        previous = next;
        i++;
        continue;
      }
      const after = i + 1 < length ? kindAt(text, i + 1) : Kind.Separator;
      const joinsLetters =
        previous === Kind.Letter &&
        after === Kind.Letter &&
        (next === Kind.MidLetter || next === Kind.MidNumLet);
      const joinsDigits =
        previous === Kind.Digit &&
        after === Kind.Digit &&
        (next === Kind.MidNum || next === Kind.MidNumLet);
      if (!joinsLetters && !joinsDigits) break;
      i += 2;
      previous = after;
    }
    if (!wordLike || i - start > maxTokenLength) return null;
    if (count === spans.length) {
      const bigger = new Int32Array(count * 2);
      bigger.set(spans);
      spans = bigger;
    }
    spans[count++] = start;
    spans[count++] = i;
  }
  return spans.subarray(0, count);
}

/** The standard tokenizer's tokens of Latin text, or null when the text needs the reference. */
export function latinTokens(text: string): Token[] | null {
  const spans = latinTokenSpans(text);
  if (spans === null) return null;
  const tokens: Token[] = [];
  for (let k = 0; k < spans.length; k += 2) {
    const start = spans[k]!;
    const end = spans[k + 1]!;
    tokens.push({ text: text.slice(start, end), start, end, position: k >> 1 });
  }
  return tokens;
}

/** The standard tokenizer, by the fast path when the text allows it. */
export function tokenizeStandard(text: string): Token[] {
  return latinTokens(text) ?? standardTokenize(text);
}
