// A typed array that grows while a segment is built (doubling its buffer), so the builder's columns
// of numbers hold 1–4 bytes each instead of a JS array's boxed or 8-byte slots, and sealing them is
// one copy of the used part.
type NumberArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

export class GrowableArray<T extends NumberArray> {
  private array: T;
  length = 0;

  constructor(
    private readonly make: new (length: number) => T,
    capacity = 1024,
  ) {
    this.array = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.array.length) this.reserve(1);
    this.array[this.length++] = value;
  }

  /** Pushes every value of `values`. */
  append(values: T): void {
    this.reserve(values.length);
    this.array.set(values as never, this.length);
    this.length += values.length;
  }

  at(index: number): number {
    return this.array[index]!;
  }

  /** Makes room for `extra` more values. */
  reserve(extra: number): void {
    if (this.length + extra <= this.array.length) return;
    const bigger = new this.make(Math.max(this.array.length * 2, this.length + extra));
    bigger.set(this.array.subarray(0, this.length) as never);
    this.array = bigger;
  }

  /** The values pushed so far, in an array of their exact length. */
  toArray(): T {
    return this.array.slice(0, this.length) as T;
  }
}
