// Positions in the postings: written in the order postings are made, read back in the sealed
// order, including steps that take several varint bytes.
import { describe, expect, it } from 'vitest';
import {
  PostingPositionsWriter,
  readPositions,
} from '../../src/search/embedded/posting-positions.ts';

describe('posting positions', () => {
  it('reads back each posting’s positions after the postings are reordered', () => {
    const writer = new PostingPositionsWriter();
    const postings = [[0, 3, 3, 200], [7], [1, 100_000, 100_001], [5, 130]];
    for (const positions of postings) writer.add(Int32Array.from(positions), 0, positions.length);
    // Posting i goes to place[i], as the segment builder orders postings by term when sealing.
    const place = Int32Array.from([2, 0, 3, 1]);
    const sealed = writer.seal(place);
    postings.forEach((positions, i) => {
      const read: number[] = [];
      readPositions(sealed, place[i]!, read);
      expect(read).toEqual(positions);
    });
  });

  it('takes a slice of a longer array', () => {
    const writer = new PostingPositionsWriter();
    writer.add(Int32Array.from([9, 9, 4, 8, 15, 9]), 2, 3);
    const read: number[] = [];
    readPositions(writer.seal(Int32Array.from([0])), 0, read);
    expect(read).toEqual([4, 8, 15]);
  });
});
