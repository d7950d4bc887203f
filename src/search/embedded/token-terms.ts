// The terms each distinct token text gives in a text field and in its exact field, for the segment
// builder: each distinct token text is analysed once (./field-analysis.ts) and its terms' ids are
// looked up once. All of it in one Int32Array, so emitting a token reads numbers and no objects;
// an object with two small typed arrays per distinct token took 16 MiB of heap at 20k passages.
import { analyseToken } from './field-analysis.ts';
import { SpanMap } from './span-map.ts';

/** The field that numbers the terms (the segment builder's field builder). */
interface TermIds {
  idOf(term: string): number;
}

/** Numbers per term in an entry: its id in the field, position delta, start and end relative to the token. */
export const TERM_STRIDE = 4;

export class TokenTerms {
  private readonly entries = new SpanMap<number>();
  /**
   * The entries: at an entry's offset the number of its stemmed terms, the number of its exact
   * terms, then the stemmed terms and the exact terms (TERM_STRIDE numbers each). Read it after
   * taking the offsets of a value's tokens: taking a new one may replace the array.
   */
  terms = new Int32Array(1 << 14);
  private length = 0;

  constructor(
    private readonly stemmed: TermIds,
    private readonly exact: TermIds,
  ) {}

  /** The offset in `terms` of the entry of text[start, end), analysed the first time it is seen. */
  entry(text: string, start: number, end: number): number {
    return this.entries.get(text, start, end, this.add);
  }

  private readonly add = (word: string): number => {
    const stemmed = analyseToken('dutch_text', word);
    const exact = analyseToken('dutch_exact', word);
    const at = this.length;
    this.length += 2 + (stemmed.length + exact.length) * TERM_STRIDE;
    if (this.length > this.terms.length) {
      const bigger = new Int32Array(Math.max(this.terms.length * 2, this.length));
      bigger.set(this.terms.subarray(0, at));
      this.terms = bigger;
    }
    const terms = this.terms;
    terms[at] = stemmed.length;
    terms[at + 1] = exact.length;
    let i = at + 2;
    for (const [field, derived] of [
      [this.stemmed, stemmed],
      [this.exact, exact],
    ] as const) {
      for (const d of derived) {
        terms[i++] = field.idOf(d.term);
        terms[i++] = d.positionDelta;
        terms[i++] = d.start;
        terms[i++] = d.end;
      }
    }
    return at;
  };
}
