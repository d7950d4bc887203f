// The rules of relaxed matching that both engines share (src/search/relaxed-matching.ts).
import { describe, expect, it } from 'vitest';
import {
  autoFuzziness,
  minimumShouldMatch,
  relaxableWords,
  relaxationStages,
  replaceWord,
  stopwordsOnly,
  wordQueries,
} from '../../src/search/relaxed-matching.ts';

describe('relaxed matching rules', () => {
  it('requires all words but one for 2–4 words and 75% (rounded down) beyond', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 12].map(minimumShouldMatch)).toEqual([1, 1, 2, 3, 3, 4, 6, 9]);
  });

  it("uses Lucene's AUTO fuzziness: 0 edits up to 2 letters, 1 up to 5, then 2", () => {
    expect(['ab', 'abc', 'abcde', 'abcdef', 'financiën'].map(autoFuzziness)).toEqual([
      0, 1, 1, 2, 2,
    ]);
  });

  it('relaxes plain words only, without their stopwords; operators are taken as meant', () => {
    expect(relaxableWords('de fietsen van Gent')).toEqual(['fietsen', 'Gent']);
    expect(relaxableWords('fietsen fietsen')).toEqual(['fietsen']);
    for (const q of [
      '"fietsen gent"',
      'fietsen | gent',
      'fietsen -gent',
      'fiets*',
      'fietsen~1',
      'de',
    ])
      expect(relaxableWords(q), q).toBeNull();
  });

  it('lets a word count as found in its compound with a neighbour, or in its parts written apart', () => {
    expect(wordQueries(['asiel', 'zoekers', 'Gent'])).toEqual([
      '(asiel | asielzoekers | asielszoekers | asielenzoekers)',
      '(zoekers | asielzoekers | asielszoekers | asielenzoekers | zoekersgent)',
      '(Gent | zoekersgent)',
    ]);
    expect(wordQueries(['kinderopvang'])).toEqual(['(kinderopvang | "kinder opvang")']);
  });

  it('names the words of a stopword-only query', () => {
    expect(stopwordsOnly('de het')).toEqual(['de', 'het']);
    expect(stopwordsOnly('de fiets')).toBeNull();
    expect(stopwordsOnly('|')).toBeNull();
  });

  it('tries spelling first, then across passages (grouped), then most words', () => {
    const stages = relaxationStages(['fietzen', 'gestolen', 'Gent'], new Set(['fietzen']), true);
    expect(stages.map((s) => [s.kind, s.minimumShouldMatch])).toEqual([
      ['fuzzy', 3],
      ['across-passages', 3],
      ['some-words', 2],
    ]);
    expect(stages[0]!.words).toEqual([
      { word: 'fietzen', fuzzy: { exact: 'fietzen', distance: 2 } },
      { word: 'gestolen', fuzzy: null },
      { word: 'Gent', fuzzy: null },
    ]);
    // Nothing unknown, not grouped: only most words; one known word: nothing to relax.
    expect(relaxationStages(['a1', 'b2'], new Set(), false).map((s) => s.kind)).toEqual([
      'some-words',
    ]);
    expect(relaxationStages(['fietsen'], new Set(), true)).toEqual([]);
  });

  it('replaces a whole word of the query, leaving longer words and operators alone', () => {
    expect(replaceWord('fietsen fietz (fietz | trein)', 'fietz', 'fiets')).toBe(
      'fietsen fiets (fietz | trein)',
    );
    expect(replaceWord('fietzen', 'fietz', 'fiets')).toBe('fietzen');
  });
});
