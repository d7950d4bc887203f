// A typed array that grows while a segment is built, so the builder's columns of numbers hold 1–4
// bytes each instead of a JS array's boxed or 8-byte slots. Its values live in a reserved buffer
// that grows in place (./reserved-buffer.ts); they are pushed into a small plain array first and
// moved there in blocks, as V8 writes a view of a resizable buffer about half as fast. Sealing is
// one copy of the values into an array of their exact length, and hands the memory back.
import { grownBuffer, reservedBuffer } from './reserved-buffer.ts';

type NumberArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;
export type NumberArrayType<T extends NumberArray> = {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

export class GrowableArray<T extends NumberArray> {
  /** Values pushed since the last move to `stored`. */
  private readonly staged: T;
  private stagedCount = 0;
  private buffer = reservedBuffer(0);
  /** A view of the whole reserved buffer; its first `storedCount` values are set. */
  private stored: T;
  private storedCount = 0;

  constructor(
    private readonly make: NumberArrayType<T>,
    stageLength = 1024,
  ) {
    this.staged = new make(stageLength);
    this.stored = new make(this.buffer, 0, 0);
  }

  get length(): number {
    return this.storedCount + this.stagedCount;
  }

  push(value: number): void {
    if (this.stagedCount === this.staged.length) this.moveStaged();
    this.staged[this.stagedCount++] = value;
  }

  /** Pushes every value of `values`. */
  append(values: T): void {
    this.moveStaged();
    this.store(values);
  }

  /** Every value pushed, as a view that is valid until the next push. */
  values(): T {
    this.moveStaged();
    return this.stored.subarray(0, this.storedCount) as T;
  }

  /** The values, in an array of their exact length; this one is released (see release()). */
  seal(): T {
    const values = this.values().slice() as T;
    this.release();
    return values;
  }

  /**
   * Empties the array and hands its memory back to the system at once (the reserved buffer
   * shrunk to nothing), rather than when the collector frees the builder some time later.
   */
  release(): void {
    this.buffer.resize(0);
    this.stored = new this.make(this.buffer, 0, 0);
    this.storedCount = 0;
    this.stagedCount = 0;
  }

  private moveStaged(): void {
    if (this.stagedCount === 0) return;
    this.store(this.staged.subarray(0, this.stagedCount) as T);
    this.stagedCount = 0;
  }

  private store(values: T): void {
    const length = this.storedCount + values.length;
    if (length > this.stored.length) {
      const { BYTES_PER_ELEMENT } = this.make;
      this.buffer = grownBuffer(this.buffer, length * BYTES_PER_ELEMENT);
      this.stored = new this.make(this.buffer, 0, this.buffer.byteLength / BYTES_PER_ELEMENT);
    }
    this.stored.set(values as never, this.storedCount);
    this.storedCount = length;
  }
}
