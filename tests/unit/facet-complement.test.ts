// Facet counts over a match set of more than half the live passages are taken from the match-all
// counts minus the counts of the live passages outside it (src/search/embedded/facets.ts). Checked
// against a plain count of every match's values, on two segments with tombstones (a re-indexed
// document) and multi-valued themes, with and without a facet filter of the facet's own.
import { describe, expect, it } from 'vitest';
import { EmbeddedIndex } from '../../src/search/embedded/embedded-index.ts';
import { filterAndCount } from '../../src/search/embedded/facets.ts';
import { facetNames, SearchQuery, type FacetName } from '../../src/search/query.ts';
import { handMadeDocuments } from '../conformance/fixture.ts';
import { withSegment } from './segment-of-documents.ts';

/** Two segments; the first document re-indexed with other themes, its first passages deleted. */
function twoSegments(): EmbeddedIndex {
  const first = withSegment(EmbeddedIndex.empty(), handMadeDocuments);
  const [changed] = handMadeDocuments;
  return withSegment(first, [{ ...changed!, themes: ['Economie', 'Werk', 'Mobiliteit'] }]);
}

/** Each match's values counted one by one; a facet's own filter does not narrow its counts. */
function plainCounts(
  index: EmbeddedIndex,
  docs: number[],
  filters: Partial<Record<FacetName, string>>,
) {
  const passes = (doc: number, facet: FacetName) => {
    const value = filters[facet];
    if (value === undefined) return true;
    const id = index.dictionaries[facet].idOf(value);
    return [...index.keywordIds(facet, doc)].includes(id!);
  };
  return Object.fromEntries(
    facetNames.map((facet) => {
      const counts = new Map<string, number>();
      for (const doc of docs) {
        if (!facetNames.every((other) => other === facet || passes(doc, other))) continue;
        for (const id of index.keywordIds(facet, doc)) {
          const value = index.dictionaries[facet].values[id]!;
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
      return [facet, Object.fromEntries(counts)];
    }),
  );
}

function countedByEngine(
  index: EmbeddedIndex,
  docs: number[],
  filters: Partial<Record<FacetName, string>>,
) {
  const query = SearchQuery.parse({
    q: 'x',
    filters: Object.fromEntries(Object.entries(filters).map(([facet, value]) => [facet, [value]])),
  });
  const matches = { docs: Int32Array.from(docs), scores: new Float64Array(docs.length) };
  const { counts } = filterAndCount(index, matches, query, true);
  return Object.fromEntries(
    facetNames.map((facet) => [
      facet,
      Object.fromEntries(counts!.facets[facet].map(({ value, count }) => [value, count])),
    ]),
  );
}

describe('facet counts over most of the live passages', () => {
  const index = twoSegments();
  const live = [...index.liveDocs()];
  // All live passages but the first two and the last: more than half, across both segments.
  const most = live.slice(2, -1);

  it('the index has tombstones and the match set is more than half of it', () => {
    expect(index.segments).toHaveLength(2);
    expect(index.liveCount).toBeLessThan(index.maxDoc);
    expect(most.length * 2).toBeGreaterThan(index.liveCount);
  });

  it('equal a plain count of the matches', () => {
    expect(countedByEngine(index, most, {})).toEqual(plainCounts(index, most, {}));
  });

  it('equal a plain count with a theme filter (themes counted without it)', () => {
    const filters = { theme: 'Economie' } as const;
    expect(countedByEngine(index, most, filters)).toEqual(plainCounts(index, most, filters));
    expect(countedByEngine(index, live, filters)).toEqual(plainCounts(index, live, filters));
  });
});
