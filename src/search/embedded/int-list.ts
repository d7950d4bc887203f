// A growable typed array, for building the columns of a segment without boxed numbers.
type TypedArray = Int32Array | Uint32Array | Float64Array | Uint16Array | Uint8Array;
type Constructor<T extends TypedArray> = new (length: number) => T;

export class GrowableArray<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: Constructor<T>,
    capacity = 1024,
  ) {
    this.data = new make(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.make(this.data.length * 2);
      bigger.set(this.data as never);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values pushed so far, as an array of exactly that length. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}
