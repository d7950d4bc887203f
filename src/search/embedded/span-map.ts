// A map keyed by substrings given as (text, start, end), so that looking up a token does not make
// a string of it: the segment builder looks up every token of the corpus here, and slicing and
// hashing a new string per token cost more than the rest of indexing it. Open addressing over
// FNV-1a hashes of the UTF-16 units; a key is copied out of its text once, when it is first added.

/**
 * text[start, end) as a string of its own. A slice would not do: V8 makes a longer one a view that
 * keeps the whole text alive, and a key outlives its passage (the analyzer's stem cache and the
 * term dictionary keep the words they are given), which kept 8 MiB of passage texts at 22.5k passages.
 */
function copyOf(text: string, start: number, end: number): string {
  const codes: number[] = [];
  for (let i = start; i < end; i++) codes.push(text.charCodeAt(i));
  return String.fromCharCode(...codes);
}

export class SpanMap<V> {
  private slots = new Int32Array(1 << 12); // entry + 1; 0 is empty
  private readonly keys: string[] = [];
  private readonly hashes: number[] = [];
  private readonly values: V[] = [];

  private static hash(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash >>> 0;
  }

  /** The value for text[start, end), made by `make` (given the key) the first time. */
  get(text: string, start: number, end: number, make: (key: string) => V): V {
    const hash = SpanMap.hash(text, start, end);
    const mask = this.slots.length - 1;
    const length = end - start;
    let slot = hash & mask;
    for (let entry = this.slots[slot]!; entry !== 0; entry = this.slots[slot]!) {
      const key = this.keys[entry - 1]!;
      if (this.hashes[entry - 1] === hash && key.length === length) {
        let i = 0;
        while (i < length && key.charCodeAt(i) === text.charCodeAt(start + i)) i++;
        if (i === length) return this.values[entry - 1]!;
      }
      slot = (slot + 1) & mask;
    }
    const key = copyOf(text, start, end);
    const value = make(key);
    this.keys.push(key);
    this.hashes.push(hash);
    this.values.push(value);
    this.slots[slot] = this.keys.length;
    if (this.keys.length * 2 > this.slots.length) this.grow();
    return value;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, entry) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    });
    this.slots = slots;
  }
}
