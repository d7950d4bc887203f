// Positions in the postings, as Lucene keeps them beside its postings: for each posting, the
// positions of its term's tokens in the passage, as varint steps. A phrase is checked on a
// candidate passage by reading the few positions of its terms there; decoding the passage's whole
// token stream from the forward index instead took most of a phrase query's time (thousands of
// candidates, every token of each). About 1.5 bytes a token plus 4 a posting.
import { GrowableArray } from './growable-array.ts';
import { VarintBytes, varintAt, varintLength } from './varint-bytes.ts';

export interface PostingPositions {
  /** Posting p's positions: varint steps in positionBytes[positionStarts[p] … positionStarts[p + 1] − 1]. */
  positionStarts: Uint32Array;
  positionBytes: Uint8Array;
}

/** Gathers the postings' positions in the order the postings are made, reordered when sealed. */
export class PostingPositionsWriter {
  private readonly starts = new GrowableArray(Uint32Array);
  private readonly bytes = new VarintBytes();

  constructor() {
    this.starts.push(0);
  }

  /** Adds the next posting's positions: values[from … from + count − 1], ascending. */
  add(values: Int32Array, from: number, count: number): void {
    this.bytes.reserve(count);
    let last = 0;
    for (let i = from; i < from + count; i++) {
      this.bytes.varint(values[i]! - last);
      last = values[i]!;
    }
    this.starts.push(this.bytes.length);
  }

  /** The positions with posting i moved to place[i] (the postings' order when sealed); this writer is released. */
  seal(place: Int32Array): PostingPositions {
    const count = place.length;
    const starts = this.starts.values();
    const positionStarts = new Uint32Array(count + 1);
    for (let i = 0; i < count; i++) positionStarts[place[i]! + 1] = starts[i + 1]! - starts[i]!;
    for (let p = 0; p < count; p++) positionStarts[p + 1]! += positionStarts[p]!;
    const written = this.bytes.written();
    const positionBytes = new Uint8Array(written.length);
    for (let i = 0; i < count; i++) {
      // Byte by byte: most postings hold one or two bytes, too few for a subarray and set().
      let at = positionStarts[place[i]!]!;
      for (let b = starts[i]!; b < starts[i + 1]!; b++) positionBytes[at++] = written[b]!;
    }
    this.starts.release();
    this.bytes.release();
    return { positionStarts, positionBytes };
  }
}

/** Appends posting p's positions (ascending) to `out`. */
export function readPositions(data: PostingPositions, p: number, out: number[]): void {
  const bytes = data.positionBytes;
  const end = data.positionStarts[p + 1]!;
  let position = 0;
  for (let at = data.positionStarts[p]!; at < end;) {
    const step = varintAt(bytes, at);
    at += varintLength(step);
    position += step;
    out.push(position);
  }
}
