// One suite of query-model cases that every SearchBackend must pass: the embedded engine and
// Elasticsearch run the very same expectations (tests/conformance/*.test.ts). The corpus is the
// seeds through the real pipeline plus the hand-made documents of ./fixture.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { parliaments } from '../../src/pipeline/parliaments.ts';
import type { IndexReport, SearchBackend } from '../../src/search/backend.ts';
import { likeText, similarToDocument } from '../../src/search/similar/like-document.ts';
import {
  SimilarQuery,
  type SimilarQueryInput,
  type SimilarResult,
} from '../../src/search/similar/similar-query.ts';
import {
  SearchQuery,
  facetNames,
  type FacetName,
  type SearchHit,
  type SearchQueryInput,
  type SearchResult,
} from '../../src/search/query.ts';
import {
  SEEDS_DIR,
  allowances,
  bikes,
  compounds,
  enterprise,
  handMadeDocuments,
  hostileHtml,
  parseAll,
  stream,
  unansweredTwin,
} from './fixture.ts';

function hitHas(hit: SearchHit, facet: FacetName, value: string): boolean {
  switch (facet) {
    case 'theme':
      return hit.themes.includes(value);
    case 'year':
      return hit.date?.slice(0, 4) === value;
    case 'type':
      return hit.type === value;
    case 'organisation':
      return hit.entities.some((e) => e.type === 'organisation' && e.canonical === value);
    default:
      return hit[facet] === value;
  }
}

const passageId = (document: DocumentRecord, type: string, number: number) =>
  `${document.id}:${type}:${number}`;

export function conformanceSuite(name: string, makeBackend: () => Promise<SearchBackend>): void {
  describe(`conformance: ${name}`, () => {
    let backend: SearchBackend;
    let documents: DocumentRecord[];
    let report: IndexReport;
    const passageCount = () => documents.reduce((sum, d) => sum + d.passages.length, 0);

    const search = (input: SearchQueryInput): Promise<SearchResult> =>
      backend.search(SearchQuery.parse(input));

    /** Every hit of a query, walking the cursor. */
    async function allHits(input: SearchQueryInput): Promise<SearchHit[]> {
      const hits: SearchHit[] = [];
      let after: string | undefined;
      do {
        const result = await search({ ...input, size: 100, ...(after ? { after } : {}) });
        hits.push(...result.hits);
        after = result.nextCursor ?? undefined;
      } while (after);
      return hits;
    }
    const idsOf = async (input: SearchQueryInput) => (await allHits(input)).map((h) => h.id);

    beforeAll(async () => {
      backend = await makeBackend();
      await backend.clear();
      documents = [...handMadeDocuments, ...(await parseAll([SEEDS_DIR]))];
      report = await backend.index(stream(documents), { mode: 'rebuild' });
    });

    afterAll(async () => {
      await backend?.clear();
      await backend?.close();
    });

    it('indexes every document and passage, and says so in its report and stats', async () => {
      expect(report).toEqual({
        documents: documents.length,
        passages: passageCount(),
        failures: [],
      });
      expect(await backend.stats()).toEqual({
        documents: documents.length,
        passages: passageCount(),
      });
    });

    it('matches everything for an empty query and nothing for operators alone', async () => {
      expect((await search({ q: '' })).total).toBe(passageCount());
      expect((await search({ q: '  *  ' })).total).toBe(passageCount());
      for (const q of ['|', '-', '""', '()']) expect((await search({ q })).total, q).toBe(0);
    });

    it('matches inflected forms through stemming and marks them', async () => {
      const hits = await allHits({ q: 'fiets' });
      const question = hits.find((h) => h.id === passageId(bikes, 'question', 1));
      expect(question?.highlights.join(' ')).toContain('<mark>fietsen</mark>');
      expect(hits.map((h) => h.id)).toContain(passageId(bikes, 'answer', 1));
    });

    it('finds a compound typed apart, joined or hyphenated however the text writes it, and marks it', async () => {
      const joined = passageId(compounds, 'question', 1); // "speelpleinen", "asielzoekers"
      const apart = passageId(compounds, 'answer', 1); // "speel pleinen", "e-mail", "sociaal-economische"
      expect(await idsOf({ q: 'speel pleinen' })).toEqual(expect.arrayContaining([joined, apart]));
      expect(await idsOf({ q: 'speelpleinen' })).toEqual(expect.arrayContaining([joined, apart]));
      const typedApart = await allHits({ q: 'asiel zoekers' });
      expect(typedApart.map((h) => h.id)).toEqual([joined]);
      expect(typedApart[0]!.highlights.join(' ')).toContain('<mark>asielzoekers</mark>');
      expect(await idsOf({ q: 'sociaaleconomische' })).toEqual([apart]);
      expect(await idsOf({ q: 'email dienst' })).toEqual([apart]);
      expect(await idsOf({ q: 'NV dienst' })).toEqual([apart]);
      // Written apart on purpose, the words are not one compound: a phrase is taken as meant.
      expect(await idsOf({ q: '"asiel zoekers"' })).toEqual([]);
    });

    it('matches a quoted phrase only where its words stand together', async () => {
      const phrase = await idsOf({ q: '"sociale zekerheid"' });
      const words = await idsOf({ q: 'sociale zekerheid' });
      const scattered = passageId(allowances, 'question', 1); // "zekerheid over hun sociale …"
      expect(phrase).toContain(passageId(allowances, 'answer', 1));
      expect(phrase).toContain(passageId(enterprise, 'answer', 3));
      expect(phrase).not.toContain(scattered);
      expect(words).toContain(scattered);
      expect(words).toEqual(expect.arrayContaining(phrase));
    });

    it('finds an organisation by its acronym and by its full name alike', async () => {
      const fullName = passageId(enterprise, 'question', 1); // "Agentschap Innoveren en Ondernemen"
      const acronym = passageId(enterprise, 'question', 2); // "VLAIO"
      expect(await idsOf({ q: 'vlaio' })).toEqual(expect.arrayContaining([fullName, acronym]));
      expect(await idsOf({ q: '"Agentschap Innoveren en Ondernemen"' })).toEqual(
        expect.arrayContaining([fullName, acronym]),
      );
      // Typed without quotes, stopword and all, the full name still finds the acronym-only passage.
      expect(await idsOf({ q: 'Agentschap Innoveren en Ondernemen' })).toEqual(
        expect.arrayContaining([fullName, acronym]),
      );
      expect(await idsOf({ q: 'agentschap' })).not.toContain(acronym);
    });

    it('excludes passages with a -term', async () => {
      const ids = await idsOf({ q: 'fietsen -Antwerpen' });
      expect(ids).toContain(passageId(bikes, 'answer', 1));
      expect(ids).not.toContain(passageId(bikes, 'question', 1));
    });

    it('unites both sides of a | b', async () => {
      const either = await idsOf({ q: 'ondernemers | fietsen' });
      const union = new Set([
        ...(await idsOf({ q: 'ondernemers' })),
        ...(await idsOf({ q: 'fietsen' })),
      ]);
      expect(new Set(either)).toEqual(union);
      expect(union.size).toBeGreaterThan(0);
    });

    it('matches a prefix* against indexed terms', async () => {
      const ids = await idsOf({ q: 'fietsenst*' });
      expect(ids).toContain(passageId(bikes, 'answer', 1)); // fietsenstallingen
      expect(ids).not.toContain(passageId(bikes, 'question', 1));
    });

    it('tolerates a typo with term~N and loosens a phrase with "…"~N', async () => {
      const exact = await idsOf({ q: 'begeleidingstraject' });
      expect(exact.length).toBeGreaterThan(0);
      expect(await idsOf({ q: '"begeleidingstrajekt"' })).toEqual([]);
      expect(await idsOf({ q: 'begeleidingstrajekt~1' })).toEqual(expect.arrayContaining(exact));

      // Seed 000, question 2: "Dit begeleidingstraject wordt gratis aangeboden …"
      const question = '000_f71e14aadc76dc25:question:2';
      expect(await idsOf({ q: '"begeleidingstraject aangeboden"' })).not.toContain(question);
      expect(await idsOf({ q: '"begeleidingstraject aangeboden"~2' })).toContain(question);
    });

    it('relaxes a word unknown to the index to the indexed words near it as written, and says so', async () => {
      const asWritten = await idsOf({ q: '"begeleidingstraject"' }); // the word itself, unstemmed
      const typo = await search({ q: 'begeleidingstrajekt', size: 100 });
      expect(typo.relaxed).toEqual({
        kind: 'fuzzy',
        minimumShouldMatch: 1,
        words: [
          { word: 'begeleidingstrajekt', fuzzy: { exact: 'begeleidingstrajekt', distance: 2 } },
        ],
      });
      expect(typo.hits.map((h) => h.id)).toEqual(expect.arrayContaining(asWritten));
      expect(typo.hits[0]!.highlights.join(' ')).toContain('<mark>begeleidingstraject</mark>');
      expect(typo.suggestions).toEqual([
        {
          word: 'begeleidingstrajekt',
          replacement: 'begeleidingstraject',
          query: 'begeleidingstraject',
        },
      ]);
      // A typo in one word of several: the others stay required.
      const twoWords = await search({ q: 'fietzen gestolen Antwerpen' });
      expect(twoWords.relaxed?.kind).toBe('fuzzy');
      expect(twoWords.hits.map((h) => h.id)).toEqual([passageId(bikes, 'question', 1)]);
      expect(twoWords.suggestions?.map((s) => s.query)).toEqual(['fietsen gestolen Antwerpen']);
    });

    it('ranks passages with most of the words when none holds all of them, and says so', async () => {
      const result = await search({ q: 'fietsen gestolen zeppelinhaven' });
      expect(result.relaxed?.kind).toBe('some-words');
      expect(result.relaxed?.minimumShouldMatch).toBe(2);
      expect(
        result.hits
          .slice(0, 2)
          .map((h) => h.id)
          .sort(),
      ).toEqual([passageId(bikes, 'answer', 1), passageId(bikes, 'question', 1)].sort());
      // Taken as meant: operators, phrases and a query that finds something are never relaxed.
      for (const q of [
        '"fietsen zeppelinhaven"',
        'fietsen -gestolen zeppelinhaven',
        'fietsen | zeppelinhavens~1',
      ]) {
        const strict = await search({ q });
        expect(strict.relaxed, q).toBeUndefined();
      }
      expect((await search({ q: 'fietsen gestolen' })).relaxed).toBeUndefined();
    });

    it('with groupBy=document, matches a document whose passages together hold every word', async () => {
      const q = 'Antwerpen fietsenstallingen'; // the question says one, the answer the other
      expect((await search({ q })).relaxed?.kind).toBe('some-words');
      const grouped = await search({ q, groupBy: 'document' });
      expect(grouped.relaxed?.kind).toBe('across-passages');
      expect(grouped.hits.map((h) => h.documentId)).toEqual([bikes.id]);
      expect(grouped.hits[0]!.matchingPassages).toBe(2);
    });

    it('says why a query of stopwords alone finds nothing', async () => {
      const result = await search({ q: 'de het een' });
      expect(result.total).toBe(0);
      expect(result.stopwordsOnly).toEqual(['de', 'het', 'een']);
      expect((await search({ q: 'fietsen' })).stopwordsOnly).toBeUndefined();
    });

    it('leaves out facets and highlights when asked, with the same hits', async () => {
      const full = await search({ q: 'ondernemers', size: 50 });
      const bare = await search({ q: 'ondernemers', size: 50, facets: false, highlight: false });
      expect(full.total).toBeGreaterThan(0);
      expect(full.facets.type.length).toBeGreaterThan(0);
      expect(bare.total).toBe(full.total);
      expect(bare.hits.map((h) => h.id)).toEqual(full.hits.map((h) => h.id));
      expect(bare.hits.every((h) => h.highlights.length === 0)).toBe(true);
      expect(Object.values(bare.facets).every((counts) => counts.length === 0)).toBe(true);
      expect(bare.histogram).toEqual([]);
    });

    it('filters on each facet value with the count the facet announced', async () => {
      const unfiltered = await search({ q: '', size: 0 });
      for (const facet of facetNames) {
        const top = unfiltered.facets[facet][0];
        expect(top, `facet ${facet} has values`).toBeDefined();
        const hits = await allHits({ q: '', filters: { [facet]: [top!.value] } });
        expect(hits.length, `${facet}=${top!.value}`).toBe(top!.count);
        for (const hit of hits) expect(hitHas(hit, facet, top!.value), hit.id).toBe(true);
      }
    });

    it('counts and filters passages by parliament', async () => {
      const passagesIn = (parliament: string) =>
        documents
          .filter((d) => d.parliament === parliament)
          .reduce((sum, d) => sum + d.passages.length, 0);
      const expected = [...new Set(documents.map((d) => d.parliament))]
        .map((value) => ({ value, count: passagesIn(value) }))
        .sort((a, b) => b.count - a.count);
      expect(expected).toHaveLength(2);
      const unfiltered = await search({ q: '', size: 0 });
      expect(unfiltered.facets.parliament).toEqual(expected);
      expect(unfiltered.facetTotals.parliament).toBe(2);
      const federal = await allHits({ q: '', filters: { parliament: [parliaments.federal] } });
      expect(new Set(federal.map((hit) => hit.documentId))).toEqual(new Set([allowances.id]));
      expect(federal.every((hit) => hit.parliament === parliaments.federal)).toBe(true);
      const document = await backend.getDocument(allowances.id);
      expect(document?.parliament).toBe(parliaments.federal);
    });

    it('counts facets disjunctively: OR within a facet, AND across facets', async () => {
      const unfiltered = await search({ q: '', size: 0 });
      const filtered = await search({ q: '', filters: { theme: ['Mobiliteit'] }, size: 100 });
      // The theme facet ignores its own filter, so other themes stay selectable with their counts.
      expect(filtered.facets.theme).toEqual(unfiltered.facets.theme);
      expect(filtered.total).toBe(bikes.passages.length);
      const askers = filtered.facets.asker;
      expect(askers).toEqual([{ value: 'Jan Peeters', count: bikes.passages.length }]);

      const either = await allHits({ q: '', filters: { theme: ['Mobiliteit', 'Welzijn'] } });
      expect(either.length).toBe(bikes.passages.length + allowances.passages.length);

      const both = await search({
        q: '',
        filters: { theme: ['Mobiliteit', 'Welzijn'], minister: ['Wouter Beke'] },
        size: 100,
      });
      expect(both.hits.map((h) => h.documentId)).toEqual(
        allowances.passages.map(() => allowances.id),
      );
      expect(both.facets.minister).toEqual([
        { value: 'Lydia Peeters', count: bikes.passages.length },
        { value: 'Wouter Beke', count: allowances.passages.length },
      ]);
    });

    it('filters on an amount range', async () => {
      const hits = await allHits({ q: '', amountMin: 100_000 });
      const ids = hits.map((h) => h.id);
      expect(ids).toContain(passageId(bikes, 'answer', 1));
      expect(ids).toContain(passageId(enterprise, 'answer', 1));
      expect(ids).not.toContain(passageId(allowances, 'answer', 1));
      for (const hit of hits) {
        const amounts = hit.entities.flatMap((e) => (e.type === 'amount' ? [e.value] : []));
        expect(Math.max(...amounts), hit.id).toBeGreaterThanOrEqual(100_000);
      }
      const small = await idsOf({ q: '', amountMin: 1_000, amountMax: 10_000 });
      expect(small).toContain(passageId(allowances, 'answer', 1));
      expect(small).not.toContain(passageId(bikes, 'answer', 1));
    });

    it('filters on a date range', async () => {
      const hits = await allHits({ q: '', dateFrom: '2021-01-01', dateTo: '2021-12-31' });
      expect(hits.map((h) => h.documentId)).toContain(bikes.id);
      for (const hit of hits) expect(hit.date?.slice(0, 4), hit.id).toBe('2021');
    });

    it('sorts by date, newest first, undated last', async () => {
      const hits = await allHits({ q: '', sort: 'date' });
      const dates = hits.map((h) => h.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      expect(hits.at(-1)?.documentId).toBe(hostileHtml.id);
    });

    it('walks all hits with the cursor, without repeats, in page order', async () => {
      for (const sort of ['relevance', 'date'] as const) {
        const q = 'ondernemers | sociale | fietsen | budget';
        const everything = await search({ q, sort, size: 100 });
        expect(everything.total, sort).toBeGreaterThan(6);
        const ids = everything.hits.map((h) => h.id);
        const walked: string[] = [];
        let after: string | undefined;
        do {
          const page = await search({ q, sort, size: 3, ...(after ? { after } : {}) });
          walked.push(...page.hits.map((h) => h.id));
          after = page.nextCursor ?? undefined;
        } while (after);
        expect(walked, sort).toEqual(ids);
        const second = await search({ q, sort, size: 3, page: 2 });
        expect(
          second.hits.map((h) => h.id),
          sort,
        ).toEqual(ids.slice(3, 6));
      }
    });

    it('collapses passages to one hit per document with its matching passages', async () => {
      const passages = await allHits({ q: 'sociale' });
      const grouped = await allHits({ q: 'sociale', groupBy: 'document' });
      const perDocument = new Map<string, number>();
      for (const hit of passages) {
        perDocument.set(hit.documentId, (perDocument.get(hit.documentId) ?? 0) + 1);
      }
      expect(perDocument.size).toBeGreaterThan(1);
      expect(grouped.map((h) => h.documentId).sort()).toEqual([...perDocument.keys()].sort());
      for (const hit of grouped) {
        expect(hit.matchingPassages, hit.documentId).toBe(perDocument.get(hit.documentId));
      }
      const result = await search({ q: 'sociale', groupBy: 'document', size: 1 });
      expect(result.total).toBe(perDocument.size);
    });

    it('counts documents, not passages, in total, facets and histogram when grouped', async () => {
      const passages = await allHits({ q: 'sociale | fietsen | budget' });
      const documentsOf = (hits: SearchHit[]) => new Set(hits.map((h) => h.documentId));
      const grouped = await search({
        q: 'sociale | fietsen | budget',
        groupBy: 'document',
        size: 0,
      });
      expect(grouped.total).toBe(documentsOf(passages).size);
      for (const facet of facetNames) {
        for (const { value, count } of grouped.facets[facet]) {
          const matching = passages.filter((hit) => hitHas(hit, facet, value));
          expect(count, `${facet}=${value}`).toBe(documentsOf(matching).size);
        }
      }
      for (const { year, count } of grouped.histogram) {
        const matching = passages.filter((hit) => hit.date?.startsWith(String(year)));
        expect(count, String(year)).toBe(documentsOf(matching).size);
      }
      // The passage counts of the same search are larger where a document has several passages.
      const ungrouped = await search({ q: 'sociale | fietsen | budget', size: 0 });
      expect(ungrouped.total).toBe(passages.length);
      expect(ungrouped.total).toBeGreaterThan(grouped.total);
    });

    it('lists every value of a facet on request, and says how many values each facet has', async () => {
      const themes = new Set(documents.flatMap((d) => d.themes));
      const organisations = new Set(
        documents.flatMap((d) =>
          d.passages.flatMap((p) =>
            p.entities.flatMap((e) => (e.type === 'organisation' ? [e.canonical] : [])),
          ),
        ),
      );
      const few = await search({ q: '', size: 0, facetSizes: { organisation: 2 } });
      expect(few.facets.organisation).toHaveLength(2);
      expect(few.facetTotals.organisation).toBe(organisations.size);
      expect(few.facetTotals.theme).toBe(themes.size);
      const all = await search({ q: '', size: 0, facetSizes: { theme: 5000 } });
      expect(all.facets.theme.map((c) => c.value).sort()).toEqual([...themes].sort());
      // The first values are the same, in the same order, however many are asked for.
      expect(all.facets.theme.slice(0, 2)).toEqual(
        (await search({ q: '', size: 0, facetSizes: { theme: 2 } })).facets.theme,
      );
      const narrowed = await search({ q: '', size: 0, filters: { minister: ['Wouter Beke'] } });
      expect(narrowed.facetTotals.theme).toBe(new Set(allowances.themes).size);
    });

    it('scans every hit of a query in sort order, a page at a time, without highlights', async () => {
      for (const input of [{ q: '' }, { q: 'ondernemers | fietsen', sort: 'date' as const }]) {
        const scanned: SearchHit[] = [];
        const pages: number[] = [];
        for await (const page of backend.scan(SearchQuery.parse(input))) {
          pages.push(page.length);
          scanned.push(...page);
        }
        expect(scanned.map((h) => h.id)).toEqual(await idsOf(input));
        expect(Math.max(...pages)).toBeLessThanOrEqual(100);
        expect(scanned.every((h) => h.highlights.length === 0)).toBe(true);
      }
    });

    it('lists the newest first when there is no search text', async () => {
      const hits = await allHits({ q: '' });
      const dates = hits.map((h) => h.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      expect(hits.at(-1)?.documentId).toBe(hostileHtml.id);
    });

    it('highlights with <mark> in HTML-escaped text', async () => {
      const [hit] = await allHits({ q: 'website', filters: { type: ['question'] } });
      const html = hit?.highlights.join(' ') ?? '';
      expect(html).toContain('<mark>website</mark>');
      expect(html).toContain('&lt;script&gt;');
      expect(html).not.toMatch(/<(?!\/?mark>)/);
    });

    it('marks the title where it matched, and typo and synonym matches in the text', async () => {
      const inTitle = await search({ q: 'diefstallen fietsen', size: 100 });
      const question = inTitle.hits.find((h) => h.id === passageId(bikes, 'question', 1));
      expect(question?.titleHighlight).toBe('<mark>Diefstallen</mark> aan stations');
      expect(question?.highlights.join(' ')).toContain('<mark>fietsen</mark>');
      const textOnly = await search({ q: 'fietsen gestolen', size: 100 });
      expect(textOnly.hits.find((h) => h.documentId === bikes.id)?.titleHighlight).toBeUndefined();

      const typo = await search({ q: 'fietsenstalingen' });
      expect(typo.relaxed?.kind).toBe('fuzzy');
      expect(typo.hits[0]?.highlights.join(' ')).toContain('<mark>fietsenstallingen</mark>');

      const synonym = await allHits({ q: 'vlaio' });
      const fullName = synonym.find((h) => h.id === passageId(enterprise, 'question', 1));
      expect(fullName?.highlights.join(' ')).toContain('<mark>Agentschap');
    });

    it('returns a document with its answers paired to their questions', async () => {
      for (const original of documents) {
        const stored = await backend.getDocument(original.id);
        expect(stored, original.id).toEqual(original);
        const questions = new Map(
          stored!.passages.filter((p) => p.type === 'question').map((p) => [p.id, p]),
        );
        for (const answer of stored!.passages.filter((p) => p.questionId !== null)) {
          expect(questions.get(answer.questionId!)?.number, answer.id).toBe(answer.number);
        }
      }
      expect(await backend.getDocument('no-such-document')).toBeNull();
    });

    it('gives per-year counts for the histogram', async () => {
      const result = await search({ q: '', size: 0 });
      const dated = documents.flatMap((d) => (d.date ? d.passages : []));
      expect(result.histogram.reduce((sum, bar) => sum + bar.count, 0)).toBe(dated.length);
      const years = result.histogram.map((bar) => bar.year);
      expect(years).toEqual([...years].sort((a, b) => a - b));
    });

    it('suggests titles by a word prefix', async () => {
      const suggestions = await backend.suggest('diefst', 5);
      expect(suggestions).toContainEqual({ value: 'Diefstallen aan stations', kind: 'title' });
    });

    const similar = (input: SimilarQueryInput): Promise<SimilarResult> =>
      backend.similar(SimilarQuery.parse(input));
    const seeds = () => documents.filter((d) => d.source.includes('seeds'));

    it('finds each seed document first from its own questions, with the passages that made it similar', async () => {
      expect(seeds().length).toBe(5);
      for (const document of seeds()) {
        const result = await similar({ text: likeText(document) });
        const [first] = result.hits;
        expect(first?.documentId, document.id).toBe(document.id);
        expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
        const scores = result.hits.map((h) => h.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        for (const hit of result.hits) {
          expect(hit.passages.length, hit.documentId).toBeGreaterThanOrEqual(1);
          expect(hit.passages.length, hit.documentId).toBeLessThanOrEqual(3);
          expect(hit.passages.every((p) => p.id.startsWith(`${hit.documentId}:`))).toBe(true);
          expect(hit.passages[0]?.score).toBeCloseTo(hit.score, 3);
        }
        const marked = first!.passages.flatMap((p) => p.highlights).join(' ');
        expect(marked).toMatch(/<mark>[^<]+<\/mark>/);
        expect(marked).not.toMatch(/<(?!\/?mark>)/);
      }
    });

    it('leaves a document out of the documents like it, and says which were answered', async () => {
      const result = await similarToDocument(backend, enterprise.id, { size: 50 });
      const ids = result.hits.map((h) => h.documentId);
      expect(ids).not.toContain(enterprise.id);
      expect(ids[0]).toBe(unansweredTwin.id);
      for (const hit of result.hits) {
        const stored = await backend.getDocument(hit.documentId);
        const hasAnswer = stored!.passages.some((p) => p.type === 'answer');
        expect(hit.answered, hit.documentId).toBe(hasAnswer);
      }
      expect(result.hits[0]?.answered).toBe(false);
      expect(result.hits.some((h) => h.answered)).toBe(true);
    });

    it('keeps to the facet and range filters, as search does', async () => {
      const text = likeText(enterprise);
      const all = await similar({ text, size: 50 });
      const ministers = new Set(all.hits.map((h) => h.minister));
      expect(ministers.size).toBeGreaterThan(1);
      for (const minister of ['Jo Brouns', 'Hilde Crevits']) {
        const only = await similar({ text, size: 50, filters: { minister: [minister] } });
        const expected = all.hits.filter((h) => h.minister === minister);
        expect(expected.length, minister).toBeGreaterThan(0);
        expect(only.hits.map((h) => h.documentId)).toEqual(expected.map((h) => h.documentId));
        expect(only.total).toBe(expected.length);
      }
      const recent = await similar({ text, size: 50, dateFrom: '2022-06-02' });
      const later = all.hits.filter((h) => h.date !== null && h.date >= '2022-06-02');
      expect(later.length).toBeLessThan(all.hits.length);
      expect(recent.hits.map((h) => h.documentId)).toEqual(later.map((h) => h.documentId));
    });

    it('finds nothing for a draft without salient terms, and takes a draft of the longest length', async () => {
      expect((await similar({ text: 'Is het zo dat wij dat niet hebben?' })).total).toBe(0);
      const long = documents.map(likeText).join('\n').repeat(20).slice(0, 20_000);
      const result = await similar({ text: long, size: 5 });
      expect(result.hits.length).toBeGreaterThan(0);
      expect(result.hits.length).toBeLessThanOrEqual(5);
    });

    it('never duplicates when the same documents are indexed again', async () => {
      const before = await search({ q: 'fiets', size: 100 });
      expect(before.total).toBeGreaterThan(0);
      const again = await backend.index(stream(documents));
      expect(again.failures).toEqual([]);
      expect(await backend.stats()).toEqual({
        documents: documents.length,
        passages: passageCount(),
      });
      const after = await search({ q: 'fiets', size: 100 });
      expect(after.hits.map((h) => h.id)).toEqual(before.hits.map((h) => h.id));
    });
  });
}
