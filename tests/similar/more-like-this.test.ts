// The engine-independent half of the similar search: which terms of a draft are asked for.
import { describe, expect, it } from 'vitest';
import {
  minimumShouldMatch,
  moreLikeThis,
  salientTerms,
  type SimilarField,
  type TermStatistics,
} from '../../src/search/similar/more-like-this.ts';

/** Statistics from a table: term → [document frequency in text, in title]. */
function statistics(table: Record<string, [number, number]>, passageCount = 1000): TermStatistics {
  return {
    passageCount,
    documentFrequency: (field: SimilarField, term: string) =>
      table[term]?.[field === 'text' ? 0 : 1] ?? 0,
  };
}

describe('salientTerms', () => {
  it('keeps terms frequent enough in the draft and in the index, rarest and most repeated first', () => {
    const draft =
      'De fietsenstalling aan het station. De fietsenstalling is vol. Het station is oud. ' +
      'Een gemeente gemeente gemeente. Een unicum unicum.';
    const terms = salientTerms(
      draft,
      statistics({ fietsenstall: [10, 0], station: [400, 0], gemeent: [300, 0], unicum: [2, 0] }),
    );
    // unicum is in too few passages (min_doc_freq 5); oud and vol occur once in the draft; the
    // parts fiets and stalling are not in the index. Every token counts, as in Lucene: the
    // decompounder emits "gemeente", a dictionary word, once more as its own part, so tf is 6.
    expect(terms.map((t) => t.term)).toEqual(['gemeent', 'fietsenstall', 'station']);
    // tf × (ln((N + 1) / (df + 1)) + 1), in single precision.
    expect(terms[0]!.score).toBeCloseTo(6 * (Math.log(1001 / 301) + 1), 4);
    expect(terms[1]!.score).toBeCloseTo(2 * (Math.log(1001 / 11) + 1), 4);
  });

  it('looks a term up in the field where it is most common', () => {
    const [term] = salientTerms('begroting begroting', statistics({ begrot: [6, 40] }));
    expect(term).toMatchObject({ term: 'begrot', field: 'title' });
  });

  it('cuts a long draft to the stated number of terms', () => {
    const words = Array.from(
      { length: 60 },
      (_, i) => `woord${String.fromCharCode(97 + (i % 26))}${i}`,
    );
    const draft = words.map((w) => `${w} ${w}`).join(' ');
    const table = Object.fromEntries(words.map((w, i) => [w, [5 + i, 0] as [number, number]]));
    const terms = salientTerms(draft, statistics(table));
    expect(terms).toHaveLength(moreLikeThis.maxQueryTerms);
    // The rarest ones win.
    expect(terms.map((t) => t.term)).toEqual(words.slice(0, moreLikeThis.maxQueryTerms));
  });

  it('finds no terms in a draft of stopwords', () => {
    expect(salientTerms('het is wat het is en dat is dat', statistics({}))).toEqual([]);
  });
});

describe('minimumShouldMatch', () => {
  it('asks for 30% of the terms, rounded down as Elasticsearch does, and at least one', () => {
    expect(minimumShouldMatch(25)).toBe(7);
    expect(minimumShouldMatch(10)).toBe(3);
    expect(minimumShouldMatch(3)).toBe(1);
    expect(minimumShouldMatch(1)).toBe(1);
  });
});
