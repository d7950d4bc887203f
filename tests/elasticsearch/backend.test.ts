// The Elasticsearch backend against a real node, on the seeds and the dekamer corpus through the
// real pipeline (plus a few hand-made documents). Expected numbers are computed from the documents
// themselves with the project's analyzer, never copied from an earlier run.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyzeTerms, analyzeWith } from '../../src/analysis/analyzer.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import type { IndexReport } from '../../src/search/backend.ts';
import { encodeCursor, PagingError } from '../../src/search/cursor.ts';
import type { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { toIndexedPassages, type IndexedPassage } from '../../src/search/indexed-passage.ts';
import {
  SearchQuery,
  facetNames,
  type FacetName,
  type SearchHit,
  type SearchQueryInput,
  type SearchResult,
} from '../../src/search/query.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import {
  DEKAMER,
  SEEDS_DIR,
  VLAIO_CANONICAL,
  acronymOnly,
  fullNameOnly,
  handMadeDocuments,
  hostile,
  parseAll,
  stream,
  testBackend,
  undated,
} from './backend-fixtures.ts';

function passageHas(passage: IndexedPassage, facet: FacetName, value: string): boolean {
  switch (facet) {
    case 'theme':
      return passage.themes.includes(value);
    case 'organisation':
      return passage.organisations.includes(value);
    case 'year':
      return String(passage.year) === value;
    default:
      return passage[facet] === value;
  }
}

function hitHas(hit: SearchHit, facet: FacetName, value: string): boolean {
  switch (facet) {
    case 'theme':
      return hit.themes.includes(value);
    case 'organisation':
      return hit.entities.some((e) => e.type === 'organisation' && e.canonical === value);
    case 'year':
      return hit.date?.slice(0, 4) === value;
    default:
      return hit[facet] === value;
  }
}

describeElasticsearch('ElasticsearchBackend on the seeds and the dekamer corpus', () => {
  let backend: ElasticsearchBackend;
  let documents: DocumentRecord[];
  let passages: IndexedPassage[];
  let byId: Map<string, IndexedPassage>;
  let report: IndexReport;
  // Terms of a passage as the text query sees it: its text and its document's title.
  const termsCache = new Map<string, Set<string>>();
  const termsOf = (p: IndexedPassage) => {
    let terms = termsCache.get(p.id);
    if (!terms) {
      terms = new Set([...analyzeTerms(p.text), ...analyzeTerms(p.title ?? '')]);
      termsCache.set(p.id, terms);
    }
    return terms;
  };
  const stem = (word: string) => {
    const [term] = analyzeTerms(word);
    if (!term) throw new Error(`"${word}" has no term`);
    return term;
  };
  const count = (predicate: (p: IndexedPassage) => boolean) => passages.filter(predicate).length;
  const search = (input: SearchQueryInput) => backend.search(SearchQuery.parse(input));

  /** Every hit of a query, page by page through nextCursor. */
  async function walk(input: SearchQueryInput): Promise<{ hits: SearchHit[]; totals: number[] }> {
    const hits: SearchHit[] = [];
    const totals: number[] = [];
    let after: string | undefined;
    for (let page = 0; page < 1_000; page++) {
      const result: SearchResult = await search({ ...input, size: 100, after });
      hits.push(...result.hits);
      totals.push(result.total);
      if (!result.nextCursor) return { hits, totals };
      after = result.nextCursor;
    }
    throw new Error('more than 1000 pages');
  }

  beforeAll(async () => {
    backend = testBackend('search', elasticsearchUrl());
    documents = [...(await parseAll([SEEDS_DIR, DEKAMER])), ...handMadeDocuments];
    passages = documents.flatMap(toIndexedPassages);
    byId = new Map(passages.map((p) => [p.id, p]));
    const started = performance.now();
    report = await backend.index(stream(documents), { mode: 'rebuild' });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `indexed ${report.documents} documents / ${report.passages} passages in ${seconds.toFixed(1)} s: ` +
        `${Math.round(report.documents / seconds)} documents/s, ${Math.round(report.passages / seconds)} passages/s`,
    );
  }, 600_000);

  afterAll(async () => {
    await backend?.clear();
    await backend?.close();
  });

  it('indexes every document and passage, and counts them exactly', async () => {
    expect(report.failures).toEqual([]);
    expect(report.documents).toBe(documents.length);
    expect(report.passages).toBe(passages.length);
    expect(await backend.stats()).toEqual({
      documents: documents.length,
      passages: passages.length,
    });
  });

  it('rebuilds a document from its passages exactly as it was indexed', async () => {
    for (const document of [documents[0]!, documents[10]!, hostile, undated]) {
      expect(await backend.getDocument(document.id)).toEqual(document);
    }
    expect(await backend.getDocument('no-such-document')).toBeNull();
  });

  it.each(facetNames)('filters on the %s facet with the counts the data holds', async (facet) => {
    const all = await search({ size: 0 });
    expect(all.total).toBe(passages.length);
    const [top] = all.facets[facet];
    if (!top) throw new Error(`no ${facet} values in the data`);
    const expected = count((p) => passageHas(p, facet, top.value));
    expect(top.count).toBe(expected);
    const filtered = await search({ filters: { [facet]: [top.value] }, size: 100 });
    expect(filtered.total).toBe(expected);
    expect(filtered.hits.length).toBe(Math.min(100, expected));
    for (const hit of filtered.hits) expect(hitHas(hit, facet, top.value)).toBe(true);
  });

  it('counts facets disjunctively: OR within a facet, AND across facets', async () => {
    const all = await search({ size: 0 });
    const [first, second] = all.facets.party;
    if (!first || !second) throw new Error('fewer than two parties');

    const one = await search({ filters: { party: [first.value] }, size: 0 });
    expect(one.total).toBe(first.count);
    // The party facet ignores its own selection, so the other parties stay visible with their counts.
    expect(one.facets.party).toEqual(all.facets.party);
    for (const { value, count: shown } of one.facets.theme) {
      expect(shown).toBe(count((p) => p.party === first.value && p.themes.includes(value)));
    }

    const either = await search({ filters: { party: [first.value, second.value] }, size: 0 });
    expect(either.total).toBe(first.count + second.count);

    const both = await search({ filters: { party: [first.value], type: ['answer'] }, size: 0 });
    expect(both.total).toBe(count((p) => p.party === first.value && p.type === 'answer'));
    expect(both.facets.type).toEqual(one.facets.type);
    const answers = both.facets.party.find((f) => f.value === second.value);
    expect(answers?.count).toBe(count((p) => p.party === second.value && p.type === 'answer'));

    // The year chart: same filters as the year facet, ascending, every dated passage counted.
    const years = [...new Set(passages.filter((p) => p.party === first.value).map((p) => p.year))]
      .filter((year): year is number => year !== null)
      .sort((a, b) => a - b);
    expect(one.histogram.map((h) => h.year)).toEqual(years);
    for (const { year, count: shown } of one.histogram)
      expect(shown).toBe(count((p) => p.party === first.value && p.year === year));
  });

  it('matches stemmed forms unquoted and the exact form quoted, and marks what matched', async () => {
    const stemmed = await search({ q: 'begeleidingen', size: 100 });
    expect(stemmed.total).toBe(count((p) => termsOf(p).has(stem('begeleidingen'))));
    // The unquoted singular marks the plural: stemming applies to highlighting too.
    const singular = await search({ q: 'begeleiding', size: 100 });
    expect(singular.hits.flatMap((h) => h.highlights).join(' ')).toContain(
      '<mark>begeleidingen</mark>',
    );

    const exactForm = (p: IndexedPassage, word: string) =>
      [p.text, p.title ?? ''].some((t) =>
        analyzeWith('dutch_exact', t).some((x) => x.term === word),
      );
    const quoted = await search({ q: '"begeleidingen"', size: 100 });
    expect(quoted.total).toBe(count((p) => exactForm(p, 'begeleidingen')));
    expect(quoted.total).toBeGreaterThan(0);
    expect(quoted.total).toBeLessThan(stemmed.total);
    for (const hit of quoted.hits) {
      for (const mark of hit.highlights.join(' ').match(/<mark>[^<]*<\/mark>/g) ?? [])
        expect(mark.toLowerCase()).toBe('<mark>begeleidingen</mark>');
    }

    // A quoted phrase wants the words adjacent and in order.
    const phrase = await walk({ q: '"technische problemen"' });
    const words = await walk({ q: 'technische problemen' });
    expect(phrase.hits.length).toBeGreaterThan(0);
    expect(phrase.hits.length).toBeLessThan(words.hits.length);
    const adjacent = (text: string) => {
      const words = analyzeWith('dutch_exact', text).map((t) => t.term);
      return words.some((w, i) => w === 'technische' && words[i + 1] === 'problemen');
    };
    for (const hit of phrase.hits) {
      const p = byId.get(hit.id)!;
      expect(adjacent(p.text) || adjacent(p.title ?? '')).toBe(true);
    }
  }, 300_000);

  it('excludes passages with a -term', async () => {
    const trein = stem('trein');
    const station = stem('station');
    const result = await walk({ q: 'trein -station' });
    const expected = count((p) => termsOf(p).has(trein) && !termsOf(p).has(station));
    expect(result.hits.length).toBe(expected);
    expect(expected).toBeLessThan(count((p) => termsOf(p).has(trein)));
    for (const hit of result.hits) expect(termsOf(byId.get(hit.id)!).has(station)).toBe(false);
  }, 300_000);

  it('filters on an amount range', async () => {
    const million = await walk({ amountMin: 1_000_000 });
    expect(million.hits.length).toBe(count((p) => p.amounts.some((v) => v >= 1_000_000)));
    expect(million.hits.length).toBeGreaterThan(0);
    for (const hit of million.hits)
      expect(hit.entities.some((e) => e.type === 'amount' && e.value >= 1_000_000)).toBe(true);

    const between = await search({ amountMin: 100_000, amountMax: 500_000, size: 0 });
    expect(between.total).toBe(count((p) => p.amounts.some((v) => v >= 100_000 && v <= 500_000)));
  });

  it('filters on a date range, both ends included', async () => {
    const march = await search({ dateFrom: '2017-03-01', dateTo: '2017-03-31', size: 100 });
    const expected = count(
      (p) => p.date !== null && p.date >= '2017-03-01' && p.date <= '2017-03-31',
    );
    expect(march.total).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    for (const hit of march.hits)
      expect(hit.date! >= '2017-03-01' && hit.date! <= '2017-03-31').toBe(true);
    const since = await search({ dateFrom: '2024-01-01', size: 0 });
    expect(since.total).toBe(count((p) => p.date !== null && p.date >= '2024-01-01'));
  });

  it('finds an organisation by acronym and by full name (VLAIO ⇄ Agentschap Innoveren en Ondernemen)', async () => {
    const byAcronym = await walk({ q: 'VLAIO' });
    const fullName = byAcronym.hits.find((h) => h.documentId === fullNameOnly.id);
    expect(fullName).toBeDefined();
    expect(fullName!.highlights.join(' ')).toMatch(/<mark>Agentschap[^<]*<\/mark>/);

    const byFullName = await walk({ q: '"Agentschap Innoveren en Ondernemen"' });
    expect(byFullName.hits.map((h) => h.documentId)).toContain(acronymOnly.id);
    expect(byFullName.hits.map((h) => h.documentId)).toContain(fullNameOnly.id);

    const facet = await walk({ filters: { organisation: [VLAIO_CANONICAL] } });
    expect(facet.hits.length).toBe(count((p) => p.organisations.includes(VLAIO_CANONICAL)));
    expect(facet.hits.map((h) => h.documentId)).toEqual(
      expect.arrayContaining([acronymOnly.id, fullNameOnly.id]),
    );
  });

  it('shows text as text: HTML in a passage is escaped around the <mark>s', async () => {
    const result = await search({ q: 'gastenboek' });
    const hit = result.hits.find((h) => h.documentId === hostile.id);
    const fragment = hit?.highlights.join(' ') ?? '';
    expect(fragment).toContain('<mark>gastenboek</mark>');
    expect(fragment).toContain('&lt;script&gt;');
    expect(fragment).toContain('&amp;');
    expect(fragment.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);

    // Matched by its title only: the passage still shows the start of its text.
    const byTitle = await search({ q: 'zwembadrenovatie' });
    const second = byTitle.hits.find((h) => h.id === hostile.passages[1]!.id);
    expect(second?.highlights).toHaveLength(1);
    expect(hostile.passages[1]!.text.startsWith(second!.highlights[0]!)).toBe(true);
  });

  it('groups passages by document with the number of matching passages', async () => {
    const passagesWalk = await walk({ q: 'fiets' });
    const perDocument = new Map<string, number>();
    for (const hit of passagesWalk.hits)
      perDocument.set(hit.documentId, (perDocument.get(hit.documentId) ?? 0) + 1);

    const grouped = await walk({ q: 'fiets', groupBy: 'document' });
    expect(grouped.totals[0]).toBe(perDocument.size);
    expect(grouped.hits.length).toBe(perDocument.size);
    expect(new Set(grouped.hits.map((h) => h.documentId)).size).toBe(grouped.hits.length);
    for (const hit of grouped.hits)
      expect(hit.matchingPassages).toBe(perDocument.get(hit.documentId));
  });

  it('sorts by date, newest first, undated last', async () => {
    const { hits } = await walk({ q: 'fiets', sort: 'date' });
    const dates = hits.map((h) => h.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
    expect(hits.map((h) => h.documentId)).toContain(undated.id);
  });

  it('walks every page with search_after: no duplicates, as many hits as the total', async () => {
    for (const sort of ['relevance', 'date'] as const) {
      const { hits, totals } = await walk({ q: 'minister', sort });
      expect(new Set(totals).size).toBe(1);
      expect(hits.length).toBe(totals[0]);
      expect(hits.length).toBeGreaterThan(1_000);
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    }
  });

  it('refuses a forged cursor and a page beyond the result window (invalid_paging: a 400)', async () => {
    await expect(search({ q: 'fiets', after: 'not-a-cursor' })).rejects.toBeInstanceOf(PagingError);
    await expect(search({ q: 'fiets', page: 200, size: 100 })).rejects.toMatchObject({
      code: 'invalid_paging',
      message: expect.stringContaining('after'),
    });
  });

  // Issue 13: a cursor of the right form with sort values Elasticsearch cannot take answered 500.
  it.each([
    ['text for the score', ['hoog', 'seed-000']],
    ['three values', [1, 'seed-000', 'x']],
    ['one value', [1]],
    ['null id', [1, null]],
  ])('refuses a forged cursor with %s (invalid_paging: a 400)', async (_, after) => {
    const forged = encodeCursor({ sort: 'relevance', grouped: false, seen: 10, after });
    await expect(search({ q: 'fiets', after: forged })).rejects.toBeInstanceOf(PagingError);
  });

  it('suggests values with a word starting with the prefix, of every kind', async () => {
    const suggestions = await backend.suggest('vla', 20);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions).toContainEqual({ value: VLAIO_CANONICAL, kind: 'organisation' });
    for (const { value } of suggestions) expect(value).toMatch(/(^|[^a-z0-9])vla/i);
    const ministers = await backend.suggest('crev', 5);
    expect(ministers).toContainEqual({ value: 'Hilde Crevits', kind: 'minister' });
  });
});
