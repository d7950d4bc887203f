import { describe, expect, it } from 'vitest';
import { withinEdits } from '../../src/search/embedded/edit-distance.ts';

describe('withinEdits (Lucene fuzzy distance)', () => {
  it('counts insertions, deletions and substitutions as one edit each', () => {
    expect(withinEdits('fiets', 'fietsen', 2)).toBe(true);
    expect(withinEdits('fiets', 'fietsen', 1)).toBe(false);
    expect(withinEdits('trajekt', 'traject', 1)).toBe(true);
    expect(withinEdits('fiets', 'fits', 1)).toBe(true);
  });

  it('counts swapped neighbours as one edit, as Lucene does with transpositions', () => {
    expect(withinEdits('begeleidnig', 'begeleiding', 1)).toBe(true);
    expect(withinEdits('begeleidnig', 'begeleiding', 0)).toBe(false);
  });

  it('does not take a prefix for a neighbour', () => {
    expect(withinEdits('budget', 'budgetten', 1)).toBe(false);
    expect(withinEdits('', 'a', 1)).toBe(true);
    expect(withinEdits('', 'ab', 1)).toBe(false);
  });
});
