// Lucene's BM25 (k1 = 1.2, b = 0.75, as Elasticsearch uses by default), including its lossy
// one-byte encoding of field lengths (the norm), so the embedded engine ranks like Elasticsearch.
// Each indexed field keeps one norm byte per passage; a query turns the 256 possible bytes into
// their length normalisation once (as Lucene's BM25Scorer caches them).

const K1 = 1.2;
const B = 0.75;

// org.apache.lucene.util.SmallFloat: intToByte4 / byte4ToInt.
const MAX_INT4 = longToInt4(2 ** 31 - 1);
const NUM_FREE_VALUES = 255 - MAX_INT4;

function longToInt4(value: number): number {
  if (value < 8) return value; // subnormal
  const shift = 31 - Math.clz32(value) - 3;
  let encoded = Math.floor(value / 2 ** shift) & 0x07;
  encoded |= (shift + 1) << 3;
  return encoded;
}

function int4ToLong(value: number): number {
  const bits = value & 0x07;
  const shift = (value >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

/** The norm byte Lucene stores for a field of `length` terms. */
export function encodeNorm(length: number): number {
  return length < NUM_FREE_VALUES ? length : NUM_FREE_VALUES + longToInt4(length - NUM_FREE_VALUES);
}

/** The field length Lucene sees at search time for each norm byte. */
const decodedLengths = Float64Array.from({ length: 256 }, (_, byte) =>
  byte < NUM_FREE_VALUES ? byte : NUM_FREE_VALUES + int4ToLong(byte - NUM_FREE_VALUES),
);

export interface FieldStatistics {
  /** Documents with at least one term in the field. */
  docCount: number;
  /** Sum of the field lengths (in terms). */
  sumTotalTermFreq: number;
}

export function idf(docFreq: number, stats: FieldStatistics): number {
  return Math.log(1 + (stats.docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** k1 · (1 − b + b · length / average length), per norm byte, for the field's statistics. */
export function lengthNormalisation(stats: FieldStatistics): Float64Array {
  const avgLength = stats.docCount === 0 ? 1 : stats.sumTotalTermFreq / stats.docCount;
  return decodedLengths.map((length) => K1 * (1 - B + (B * length) / avgLength));
}

/** Score of one (term or phrase) match with the given idf, frequency and length normalisation. */
export const bm25 = (idfValue: number, freq: number, normalisation: number) =>
  (idfValue * freq) / (freq + normalisation);

/**
 * BM25 of `count` postings (their frequencies and norm bytes). A function of its own so this loop
 * stays optimised: in the caller, reading the statistics by field name made V8 drop its optimised
 * code on nearly every search (computeTermScores, "wrong name").
 */
export function bm25Scores(
  idfValue: number,
  freqs: Uint16Array,
  norms: Uint8Array,
  normalisation: Float64Array,
  count: number,
): Float64Array {
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) scores[i] = bm25(idfValue, freqs[i]!, normalisation[norms[i]!]!);
  return scores;
}
