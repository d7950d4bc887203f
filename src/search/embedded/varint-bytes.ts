// Unsigned varints (7 bits a byte, low bits first, the high bit set on every byte but the last), as
// the forward index and the postings' positions store their small numbers: a growing byte buffer
// to write them, and the reads. A class of its own, not a GrowableArray of bytes: one more element
// type at GrowableArray.push's call sites made them megamorphic and slowed every column of the
// segment builder.
import { GrowableArray } from './growable-array.ts';

/** Bytes written between two moves to the growing store. */
const STAGE_BYTES = 1 << 16;

export class VarintBytes {
  /** Where varints are written, then moved to `store` in blocks (see ./growable-array.ts). */
  private staged = new Uint8Array(STAGE_BYTES);
  private stagedCount = 0;
  private readonly store = new GrowableArray(Uint8Array);

  get length(): number {
    return this.store.length + this.stagedCount;
  }

  /** Makes room for `count` more varints (at most five bytes each). */
  reserve(count: number): void {
    if (this.stagedCount + count * 5 <= this.staged.length) return;
    this.moveStaged();
    if (count * 5 > this.staged.length) this.staged = new Uint8Array(count * 5);
  }

  /** Appends `value` (reserve first). */
  varint(value: number): void {
    const bytes = this.staged;
    let at = this.stagedCount;
    while (value > 0x7f) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
    this.stagedCount = at;
  }

  /** Every byte written, as a view that is valid until the next write or release(). */
  written(): Uint8Array {
    this.moveStaged();
    return this.store.values();
  }

  /** The bytes written, in an array of their exact length; this buffer is released. */
  seal(): Uint8Array {
    this.moveStaged();
    return this.store.seal();
  }

  /** Empties the buffer and hands its memory back (GrowableArray.release). */
  release(): void {
    this.stagedCount = 0;
    this.store.release();
  }

  private moveStaged(): void {
    this.store.append(this.staged.subarray(0, this.stagedCount));
    this.stagedCount = 0;
  }
}

/** The varint at `at` (its length: varintLength). */
export function varintAt(bytes: Uint8Array, at: number): number {
  let byte = bytes[at]!;
  let value = byte & 0x7f;
  for (let scale = 0x80; byte & 0x80; scale *= 0x80) {
    byte = bytes[++at]!;
    value += (byte & 0x7f) * scale;
  }
  return value;
}

export const varintLength = (value: number) =>
  value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
