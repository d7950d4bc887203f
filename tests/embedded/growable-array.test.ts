// The segment builder's growing columns: values pushed through the staging array and moved in
// blocks to reserved memory come back in order, sealing copies them out and empties the column,
// and a buffer that outgrows its reservation moves with its contents.
import { describe, expect, it } from 'vitest';
import { GrowableArray } from '../../src/search/embedded/growable-array.ts';
import { grownBuffer } from '../../src/search/embedded/reserved-buffer.ts';
import { VarintBytes, varintAt, varintLength } from '../../src/search/embedded/varint-bytes.ts';

describe('growable array', () => {
  it('keeps pushed and appended values in order across staging blocks', () => {
    const column = new GrowableArray(Int32Array, 4);
    const expected: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      column.push(i * 7 - 3);
      expected.push(i * 7 - 3);
    }
    column.append(Int32Array.from([1, 2, 3]));
    expected.push(1, 2, 3);
    column.push(-9);
    expected.push(-9);
    expect(column.length).toBe(expected.length);
    expect([...column.values()]).toEqual(expected);
  });

  it('seals into an array of the exact length and is empty after', () => {
    const column = new GrowableArray(Uint16Array, 3);
    for (let i = 0; i < 5; i++) column.push(i + 1);
    const sealed = column.seal();
    expect(sealed).toEqual(Uint16Array.from([1, 2, 3, 4, 5]));
    expect(sealed.buffer.byteLength).toBe(10);
    expect(column.length).toBe(0);
    column.push(42);
    expect([...column.values()]).toEqual([42]);
  });
});

describe('reserved buffer', () => {
  it('moves to a larger reservation with its contents when it outgrows its own', () => {
    const small = new ArrayBuffer(4, { maxByteLength: 8 });
    new Uint8Array(small).set([1, 2, 3, 4]);
    const grown = grownBuffer(small, 16);
    expect(grown.byteLength).toBeGreaterThanOrEqual(16);
    expect([...new Uint8Array(grown, 0, 4)]).toEqual([1, 2, 3, 4]);
    expect(grownBuffer(grown, 20)).toBe(grown);
  });
});

describe('varint bytes', () => {
  it('takes more varints at once than its staging block holds', () => {
    const bytes = new VarintBytes();
    const values = Array.from({ length: 20_000 }, (_, i) => i * 997);
    bytes.reserve(values.length);
    for (const value of values) bytes.varint(value);
    const written = bytes.written();
    expect(written.length).toBe(bytes.length);
    const read: number[] = [];
    for (let at = 0; at < written.length;) {
      const value = varintAt(written, at);
      read.push(value);
      at += varintLength(value);
    }
    expect(read).toEqual(values);
  });
});
