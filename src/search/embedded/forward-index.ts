// The forward index of one field: every passage's tokens (term, position, character offsets), for
// phrases, synonym names, highlighting and merges without analysing the text again. Compact, as
// the index holds every token four times over (stemmed and exact, text and title): per token four
// varints — the term's id in order of first appearance (frequent words come early and take one or
// two bytes), the position step, the start's step from the previous token's start (zigzag: tokens
// sharing a position may start earlier) and the length — about five bytes a token where plain
// arrays took sixteen. A passage's tokens are decoded when it is matched or shown.
import { GrowableArray } from './growable-array.ts';

/** A field's forward index as the segment holds it. */
export interface ForwardIndex {
  /** Passage d's tokens are forwardBytes[forwardStarts[d] … forwardStarts[d + 1] − 1]. */
  forwardStarts: Uint32Array;
  forwardBytes: Uint8Array;
  /** Dictionary id (place in the sorted terms) of each id used in the bytes. */
  forwardTerms: Int32Array;
}

/**
 * Decoded tokens of one or more passages (of an index segment or of one text): passage d's tokens
 * are tokenStarts[d] … tokenStarts[d + 1] − 1, in position order; tokenTerms index `terms`.
 */
export interface ForwardTokens {
  terms: readonly string[];
  tokenStarts: Uint32Array;
  tokenTerms: Int32Array;
  tokenPositions: Int32Array;
  tokenBegins: Int32Array;
  tokenEnds: Int32Array;
}

export class ForwardIndexWriter {
  private readonly starts = new GrowableArray(Uint32Array);
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private lastPosition = 0;
  private lastBegin = 0;

  constructor() {
    this.starts.push(0);
  }

  /** Adds a token of the current passage; `id` is the term's id in order of first appearance. */
  token(id: number, position: number, begin: number, end: number): void {
    // Four varints of at most five bytes each.
    if (this.length + 20 > this.bytes.length) {
      const bigger = new Uint8Array(this.bytes.length * 2);
      bigger.set(this.bytes);
      this.bytes = bigger;
    }
    const step = begin - this.lastBegin;
    this.varint(id);
    this.varint(position - this.lastPosition);
    this.varint(step >= 0 ? step * 2 : -step * 2 - 1);
    this.varint(end - begin);
    this.lastPosition = position;
    this.lastBegin = begin;
  }

  private varint(value: number): void {
    const bytes = this.bytes;
    let at = this.length;
    while (value > 0x7f) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
    this.length = at;
  }

  endPassage(): void {
    this.starts.push(this.length);
    this.lastPosition = 0;
    this.lastBegin = 0;
  }

  /** The forward index, given each first-appearance id's place in the sorted dictionary. */
  seal(dictionaryIds: Int32Array): ForwardIndex {
    return {
      forwardStarts: this.starts.toArray(),
      forwardBytes: this.bytes.slice(0, this.length),
      forwardTerms: dictionaryIds,
    };
  }
}

/** The number of tokens of passage `doc` is at most this (each token takes four bytes or more). */
export const maxTokens = (index: ForwardIndex, doc: number) =>
  (index.forwardStarts[doc + 1]! - index.forwardStarts[doc]!) >>> 2;

/**
 * Decodes passages into buffers of its own, reused: what `read` returns is valid until its next
 * call (callers use it at once), so matching thousands of phrase candidates allocates nothing.
 */
export class ForwardReader {
  private readonly tokens: ForwardTokens = {
    terms: [],
    tokenStarts: new Uint32Array(2),
    tokenTerms: new Int32Array(256),
    tokenPositions: new Int32Array(256),
    tokenBegins: new Int32Array(256),
    tokenEnds: new Int32Array(256),
  };

  /** The tokens of passage `doc` (as passage 0 of the result). */
  read(index: ForwardIndex & { terms: readonly string[] }, doc: number): ForwardTokens {
    const { forwardBytes: bytes, forwardTerms } = index;
    const end = index.forwardStarts[doc + 1]!;
    let at = index.forwardStarts[doc]!;
    const tokens = this.tokens;
    const capacity = (end - at) >>> 2;
    if (capacity > tokens.tokenTerms.length) {
      const size = Math.max(capacity, tokens.tokenTerms.length * 2);
      tokens.tokenTerms = new Int32Array(size);
      tokens.tokenPositions = new Int32Array(size);
      tokens.tokenBegins = new Int32Array(size);
      tokens.tokenEnds = new Int32Array(size);
    }
    const { tokenTerms, tokenPositions, tokenBegins, tokenEnds } = tokens;
    const varint = () => {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = bytes[at++]!;
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return value;
    };
    let n = 0;
    let position = 0;
    let begin = 0;
    while (at < end) {
      tokenTerms[n] = forwardTerms[varint()]!;
      position += varint();
      const step = varint();
      begin += step & 1 ? -(step + 1) / 2 : step / 2;
      tokenPositions[n] = position;
      tokenBegins[n] = begin;
      tokenEnds[n++] = begin + varint();
    }
    tokens.terms = index.terms;
    tokens.tokenStarts[1] = n;
    return tokens;
  }
}
