// The embedded engine's phrase candidates (src/search/embedded/phrase-candidates.ts): on three
// segments with tombstones, the live passages holding at every phrase position one of its terms,
// as a plain scan of every term's postings finds them, whichever position is rarest and with
// several terms at one position.
import { describe, expect, it } from 'vitest';
import { EmbeddedIndex } from '../../src/search/embedded/embedded-index.ts';
import { Evaluation } from '../../src/search/embedded/evaluate.ts';
import { phraseCandidates } from '../../src/search/embedded/phrase-candidates.ts';
import { QueryBudget } from '../../src/search/embedded/query-budget.ts';
import { termId } from '../../src/search/embedded/segment.ts';
import { bikes, enterprise, handMadeDocuments } from '../conformance/fixture.ts';
import { withSegment } from './segment-of-documents.ts';

const index = withSegment(
  withSegment(withSegment(EmbeddedIndex.empty(), handMadeDocuments), [enterprise]),
  [bikes],
);

/** Every live passage holding the term in `text` (a scan of its postings, segment by segment). */
function holding(term: string): Set<number> {
  const found = new Set<number>();
  index.segments.forEach((segment, s) => {
    const data = segment.fields.text;
    const id = termId(data, term);
    if (id === -1) return;
    for (let p = data.postingStarts[id]!; p < data.postingStarts[id + 1]!; p++)
      if (!index.deleted[s]![data.postingDocs[p]!])
        found.add(index.bases[s]! + data.postingDocs[p]!);
  });
  return found;
}

function expected(alternatives: string[][]): number[] {
  const sets = alternatives.map((terms) => new Set(terms.flatMap((term) => [...holding(term)])));
  return [...sets[0]!].filter((doc) => sets.every((set) => set.has(doc))).sort((a, b) => a - b);
}

describe('phrase candidates', () => {
  const evaluation = new Evaluation(index, new QueryBudget());
  // The most frequent terms of the fixture's text, so the positions differ in rarity.
  const terms = index.segments[0]!.fields.text.terms.filter((term) => holding(term).size > 1).sort(
    (a, b) => holding(b).size - holding(a).size || (a < b ? -1 : 1),
  );

  it('the index has tombstones and terms in several passages', () => {
    expect(index.liveCount).toBeLessThan(index.maxDoc);
    expect(terms.length).toBeGreaterThan(5);
  });

  it('are the live passages holding a term of every position', () => {
    const phrases = [
      [[terms[0]!], [terms[1]!]],
      [[terms[2]!], [terms[0]!, terms[3]!], [terms[4]!]],
      [[terms[5]!, terms[1]!], [terms[0]!]],
      [[terms[0]!], ['no-such-term']],
    ];
    let nonEmpty = 0;
    for (const alternatives of phrases) {
      const frequencies = alternatives.map((list) =>
        list.map((t) => evaluation.docFreq('text', t)),
      );
      const found = [...phraseCandidates(index, 'text', alternatives, frequencies)];
      expect(found).toEqual(expected(alternatives));
      if (found.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(1);
  });
});
