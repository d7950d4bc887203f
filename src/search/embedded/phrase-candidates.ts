// The passages that may hold a phrase: live ones with, at every position of the phrase, one of the
// terms that may stand there. Found per segment in the terms' posting rows: the rows of the position
// whose terms are rarest are walked, and each other position's rows are galloped along to the
// candidate, so a phrase of common words (an organisation's full name, "federale politie") costs
// about its rarest word's postings, and no row is copied.
import type { EmbeddedIndex } from './embedded-index.ts';
import { termId, type IndexField } from './segment.ts';
import { gallop } from './sorted-search.ts';

/** A term's posting row in a segment: [cursor, end), the cursor moving forward. */
interface Row {
  cursor: number;
  end: number;
}

/**
 * The candidates (ascending global passage numbers), given per position its terms and their live
 * document frequencies (how the rarest position is chosen, and the candidates' most).
 */
export function phraseCandidates(
  index: EmbeddedIndex,
  field: IndexField,
  alternatives: string[][],
  frequencies: number[][],
): Int32Array {
  const totals = frequencies.map((list) => list.reduce((sum, docFreq) => sum + docFreq, 0));
  const order = alternatives.map((_, k) => k).sort((a, b) => totals[a]! - totals[b]!);
  const found = new Int32Array(totals[order[0]!]!);
  let n = 0;
  index.segments.forEach((segment, s) => {
    const data = segment.fields[field];
    const rows = order.map((k) =>
      alternatives[k]!.flatMap((term): Row[] => {
        const id = termId(data, term);
        return id === -1
          ? []
          : [{ cursor: data.postingStarts[id]!, end: data.postingStarts[id + 1]! }];
      }),
    );
    if (rows.some((row) => row.length === 0)) return;
    const { postingDocs } = data;
    const dead = index.deleted[s]!;
    const base = index.bases[s]!;
    const holds = (row: Row[], local: number) =>
      row.some((term) => {
        term.cursor = gallop(postingDocs, local, term.cursor, term.end);
        return term.cursor < term.end && postingDocs[term.cursor] === local;
      });
    for (const local of ascendingDocs(postingDocs, rows[0]!)) {
      if (dead[local]) continue;
      let all = true;
      for (let k = 1; k < rows.length && all; k++) all = holds(rows[k]!, local);
      if (all) found[n++] = base + local;
    }
  });
  return found.subarray(0, n);
}

/** The passages (local, ascending, once each) of one or more posting rows. */
function ascendingDocs(postingDocs: Int32Array, rows: Row[]): Int32Array {
  if (rows.length === 1) return postingDocs.subarray(rows[0]!.cursor, rows[0]!.end);
  const docs = new Set<number>();
  for (const { cursor, end } of rows) for (let p = cursor; p < end; p++) docs.add(postingDocs[p]!);
  return Int32Array.from(docs).sort();
}
