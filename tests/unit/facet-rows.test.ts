// The embedded engine's facet rows (src/search/embedded/facet-rows.ts) and the one-pass filtering
// and counting on them (src/search/embedded/facets.ts), on three segments with tombstones (two
// re-indexed documents), multi-valued themes and organisations, and passages without a party:
// the rows hold exactly each passage's keyword values, and hits, counts, facetTotals and the
// histogram equal a plain count of every match's values, by passage and by document, with filters
// on one or several facets (several values each, a multi-valued facet, a value nobody has).
import { describe, expect, it } from 'vitest';
import { EmbeddedIndex } from '../../src/search/embedded/embedded-index.ts';
import { facetRows } from '../../src/search/embedded/facet-rows.ts';
import { filterAndCount } from '../../src/search/embedded/facets.ts';
import {
  facetNames,
  SearchQuery,
  type FacetCount,
  type FacetName,
} from '../../src/search/query.ts';
import { byCountThenValue } from '../../src/search/rules.ts';
import { bikes, enterprise, handMadeDocuments } from '../conformance/fixture.ts';
import { withSegment } from './segment-of-documents.ts';

type Filters = Partial<Record<FacetName, string[]>>;

/** The fixture, then two of its documents re-indexed with other values and one document added. */
function threeSegments(): EmbeddedIndex {
  const first = withSegment(EmbeddedIndex.empty(), handMadeDocuments);
  const second = withSegment(first, [
    { ...enterprise, themes: ['Economie', 'Werk', 'Mobiliteit'] },
    { ...bikes, id: 'cf-bikes-copy', party: 'N-VA', themes: ['Mobiliteit', 'Economie'] },
  ]);
  return withSegment(second, [{ ...bikes, party: 'Groen', themes: ['Klimaat'] }]);
}

const documentOf = (index: EmbeddedIndex, doc: number) => index.keywordIds('document', doc)[0]!;

/** What the engine should answer: every match's values counted one by one. */
function plainAnswer(index: EmbeddedIndex, docs: number[], filters: Filters, grouped: boolean) {
  const passes = (doc: number, facet: FacetName) => {
    const selected = filters[facet] ?? [];
    if (selected.length === 0) return true;
    const values = [...index.keywordIds(facet, doc)].map(
      (id) => index.dictionaries[facet].values[id]!,
    );
    return values.some((value) => selected.includes(value));
  };
  const counted = (facet: FacetName) => {
    const counts = new Map<string, Set<number>>();
    for (const doc of docs) {
      if (!facetNames.every((other) => other === facet || passes(doc, other))) continue;
      for (const id of index.keywordIds(facet, doc)) {
        const value = index.dictionaries[facet].values[id]!;
        if (!counts.has(value)) counts.set(value, new Set());
        counts.get(value)!.add(grouped ? documentOf(index, doc) : doc);
      }
    }
    return [...counts]
      .map(([value, counters]): FacetCount => ({ value, count: counters.size }))
      .sort(byCountThenValue);
  };
  const facets = Object.fromEntries(facetNames.map((facet) => [facet, counted(facet)]));
  return {
    hits: docs.filter((doc) => facetNames.every((facet) => passes(doc, facet))),
    counts: {
      facets,
      facetTotals: Object.fromEntries(facetNames.map((facet) => [facet, facets[facet]!.length])),
      histogram: facets
        .year!.map(({ value, count }) => ({ year: Number(value), count }))
        .sort((a, b) => a.year - b.year),
    },
  };
}

function engineAnswer(index: EmbeddedIndex, docs: number[], filters: Filters, grouped: boolean) {
  const query = SearchQuery.parse({
    q: 'x',
    filters,
    ...(grouped ? { groupBy: 'document' } : {}),
  });
  const matches = { docs: Int32Array.from(docs), scores: Float64Array.from(docs, (d) => d / 2) };
  const { hits, counts } = filterAndCount(index, matches, query, true);
  hits.docs.forEach((doc, i) => expect(hits.scores[i]).toBe(doc / 2));
  return { hits: [...hits.docs], counts };
}

describe('facet rows', () => {
  const index = threeSegments();

  it('the index has three segments, tombstones, multi-valued and missing values', () => {
    expect(index.segments).toHaveLength(3);
    expect(index.liveCount).toBeLessThan(index.maxDoc);
    const first = facetRows(index.segments[0]!);
    expect(first.columns[facetNames.indexOf('theme')]).toBeNull();
    expect(first.columns[facetNames.indexOf('party')]).toContain(first.noValue);
  });

  it('hold exactly the keyword values of every passage, single-valued facets first', () => {
    index.segments.forEach((segment, s) => {
      const rows = facetRows(segment);
      const singleValued = rows.columns.flatMap((column) => (column ? [column] : []));
      for (let local = 0; local < segment.size; local++) {
        const row = [...rows.slots.subarray(rows.starts[local], rows.starts[local + 1])];
        expect(row.slice(0, singleValued.length)).toEqual(singleValued.map((c) => c[local]));
        facetNames.forEach((facet, f) => {
          const [low, high] = [rows.offsets[f]!, rows.offsets[f + 1]!];
          const held = row.filter((slot) => slot >= low && slot < high).map((slot) => slot - low);
          const expected = [...index.keywordIds(facet, index.bases[s]! + local)];
          expect(held.sort()).toEqual(expected.sort());
        });
      }
    });
  });
});

describe('filtering and counting in one pass', () => {
  const index = threeSegments();
  const live = [...index.liveDocs()];
  // More than half the live passages (counted through the rest) and fewer, across the segments.
  const most = live.filter((_, i) => i % 3 !== 1);
  const few = live.filter((_, i) => i % 3 === 1);
  const cases: Record<string, Filters> = {
    'no filter': {},
    'a multi-valued facet': { theme: ['Economie'] },
    'two values of one facet and a second facet': { party: ['CD&V', 'N-VA'], type: ['answer'] },
    'single- and multi-valued facets together': {
      theme: ['Economie', 'Welzijn'],
      party: ['N-VA'],
      organisation: ['Agentschap Innoveren en Ondernemen (VLAIO)'],
    },
    'a value nobody has': { party: ['Nobody'], theme: ['Mobiliteit'] },
  };

  for (const [name, filters] of Object.entries(cases)) {
    for (const grouped of [false, true]) {
      it(`${name}, counting ${grouped ? 'documents' : 'passages'}`, () => {
        for (const docs of [live, most, few])
          expect(engineAnswer(index, docs, filters, grouped)).toEqual(
            plainAnswer(index, docs, filters, grouped),
          );
      });
    }
  }
});
