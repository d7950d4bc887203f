// Lucene's BM25 (k1 = 1.2, b = 0.75, as Elasticsearch uses by default), including its lossy
// one-byte encoding of field lengths, so the embedded engine ranks like Elasticsearch.
// Orama's own BM25 divides term frequency by field length first, which ranks differently.

const K1 = 1.2;
const B = 0.75;

// org.apache.lucene.util.SmallFloat: intToByte4 / byte4ToInt.
const MAX_INT4 = longToInt4(2 ** 31 - 1);
const NUM_FREE_VALUES = 255 - MAX_INT4;

function longToInt4(value: number): number {
  if (value < 8) return value; // subnormal
  const shift = value.toString(2).length - 4;
  let encoded = Math.floor(value / 2 ** shift) & 0x07;
  encoded |= (shift + 1) << 3;
  return encoded;
}

function int4ToLong(value: number): number {
  const bits = value & 0x07;
  const shift = (value >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

/** The field length Lucene sees at search time: the stored norm byte decoded. */
export function luceneFieldLength(length: number): number {
  if (length < NUM_FREE_VALUES) return length;
  const encoded = NUM_FREE_VALUES + longToInt4(length - NUM_FREE_VALUES);
  return NUM_FREE_VALUES + int4ToLong(encoded - NUM_FREE_VALUES);
}

export interface FieldStatistics {
  /** Documents with at least one term in the field. */
  docCount: number;
  /** Sum of the field lengths (in terms). */
  sumTotalTermFreq: number;
}

export function idf(docFreq: number, stats: FieldStatistics): number {
  return Math.log(1 + (stats.docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** Score of one (term or phrase) match with the given idf, frequency and field length. */
export function bm25(idfValue: number, freq: number, length: number, stats: FieldStatistics) {
  const avgLength = stats.docCount === 0 ? 1 : stats.sumTotalTermFreq / stats.docCount;
  const norm = K1 * (1 - B + (B * luceneFieldLength(length)) / avgLength);
  return (idfValue * freq) / (freq + norm);
}
