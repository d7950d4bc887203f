// The forward index of one field: every passage's tokens (term, position, character offsets), for
// highlighting and merges without analysing the text again (phrases read the positions kept in
// the postings, ./posting-positions.ts). Compact, as the index holds every token four times over
// (stemmed and exact, text and title): per token four varints — the term's id in order of first
// appearance (frequent words come early and take one or two bytes), the position step, the start's
// step from the previous token's start (zigzag: tokens sharing a position may start earlier) and
// the length — about five bytes a token where plain arrays took sixteen. A passage's tokens are
// decoded when it is shown.
import { GrowableArray } from './growable-array.ts';
import { VarintBytes, varintAt, varintLength } from './varint-bytes.ts';

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
  private readonly bytes = new VarintBytes();
  private lastPosition = 0;
  private lastBegin = 0;

  constructor() {
    this.starts.push(0);
  }

  /** Adds a token of the current passage; `id` is the term's id in order of first appearance. */
  token(id: number, position: number, begin: number, end: number): void {
    const step = begin - this.lastBegin;
    this.bytes.reserve(4);
    this.bytes.varint(id);
    this.bytes.varint(position - this.lastPosition);
    this.bytes.varint(step >= 0 ? step * 2 : -step * 2 - 1);
    this.bytes.varint(end - begin);
    this.lastPosition = position;
    this.lastBegin = begin;
  }

  endPassage(): void {
    this.starts.push(this.bytes.length);
    this.lastPosition = 0;
    this.lastBegin = 0;
  }

  /** The forward index, given each first-appearance id's place in the sorted dictionary. */
  seal(dictionaryIds: Int32Array): ForwardIndex {
    return {
      forwardStarts: this.starts.seal(),
      forwardBytes: this.bytes.seal(),
      forwardTerms: dictionaryIds,
    };
  }
}

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
    let n = 0;
    let position = 0;
    let begin = 0;
    while (at < end) {
      const id = varintAt(bytes, at);
      at += varintLength(id);
      const positionStep = varintAt(bytes, at);
      at += varintLength(positionStep);
      const step = varintAt(bytes, at);
      at += varintLength(step);
      const length = varintAt(bytes, at);
      at += varintLength(length);
      position += positionStep;
      begin += step & 1 ? -(step + 1) / 2 : step / 2;
      tokenTerms[n] = forwardTerms[id]!;
      tokenPositions[n] = position;
      tokenBegins[n] = begin;
      tokenEnds[n++] = begin + length;
    }
    tokens.terms = index.terms;
    tokens.tokenStarts[1] = n;
    return tokens;
  }
}
