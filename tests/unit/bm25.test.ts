// Lucene's BM25 as the embedded engine computes it (src/search/embedded/bm25.ts), so it ranks like
// Elasticsearch: the one-byte field-length encoding (SmallFloat.intToByte4) and the score formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bm25, encodeNorm, idf, lengthNormalisation } from '../../src/search/embedded/bm25.ts';

const K1 = 1.2;
const B = 0.75;
// With an average length of 1, a norm's normalisation is K1 · (1 − B + B · length): solve for length.
const unit = lengthNormalisation({ docCount: 1, sumTotalTermFreq: 1 });
const decodedLength = (norm: number) => Math.round((unit[norm]! / K1 - (1 - B)) / B);

describe('field-length norms (one byte, as Lucene stores them)', () => {
  it('keeps short fields exact: lengths 0–23 are their own byte', () => {
    for (let length = 0; length < 24; length++) {
      expect(encodeNorm(length)).toBe(length);
      expect(decodedLength(length)).toBe(length);
    }
  });

  it('rounds longer fields down to 4 significant bits (1000 terms are read as 984)', () => {
    expect(encodeNorm(1000)).toBe(87);
    expect(decodedLength(87)).toBe(984);
  });

  it('every byte decodes to a length that encodes back to it', () => {
    for (let norm = 0; norm < 256; norm++) expect(encodeNorm(decodedLength(norm))).toBe(norm);
  });

  it('is monotonic and never off by more than an eighth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 2 }), (length) => {
        const norm = encodeNorm(length);
        expect(encodeNorm(length + 1)).toBeGreaterThanOrEqual(norm);
        expect(norm).toBeLessThan(256);
        const decoded = decodedLength(norm);
        expect(decoded).toBeLessThanOrEqual(length);
        expect(length - decoded).toBeLessThanOrEqual(length / 8);
      }),
    );
  });
});

describe('score', () => {
  it("is Lucene's idf · freq / (freq + k1 · (1 − b + b · length / average length))", () => {
    const stats = { docCount: 10, sumTotalTermFreq: 100 }; // average length 10
    const idfValue = idf(1, stats);
    expect(idfValue).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12);
    const normalisation = lengthNormalisation(stats)[encodeNorm(20)]!;
    expect(normalisation).toBeCloseTo(K1 * (1 - B + (B * 20) / 10), 12);
    expect(bm25(idfValue, 3, normalisation)).toBeCloseTo((idfValue * 3) / (3 + normalisation), 12);
  });

  it('grows with the frequency, saturates below idf, and a rarer term weighs more', () => {
    const stats = { docCount: 1000, sumTotalTermFreq: 50_000 };
    const normalisation = lengthNormalisation(stats)[encodeNorm(50)]!;
    const scores = [1, 2, 5, 50].map((freq) => bm25(idf(10, stats), freq, normalisation));
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores.at(-1)).toBeLessThan(idf(10, stats));
    expect(idf(1, stats)).toBeGreaterThan(idf(100, stats));
  });
});
