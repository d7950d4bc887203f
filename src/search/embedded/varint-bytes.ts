// Unsigned varints (7 bits a byte, low bits first, the high bit set on every byte but the last), as
// the forward index and the postings' positions store their small numbers: a growing byte buffer
// to write them, and the reads. A class of its own, not a GrowableArray of bytes: one more element
// type at GrowableArray.push's call sites made them megamorphic and slowed every column of the
// segment builder.

export class VarintBytes {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  /** Makes room for `count` more varints (at most five bytes each). */
  reserve(count: number): void {
    if (this.length + count * 5 <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count * 5));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  /** Appends `value` (reserve first). */
  varint(value: number): void {
    const bytes = this.bytes;
    let at = this.length;
    while (value > 0x7f) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
    this.length = at;
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
