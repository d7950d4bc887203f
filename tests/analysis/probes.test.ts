// Dutch probe pairs: a query word and a document text that a reader takes for the same word must
// match (inflection, compounds, diacritics), and pairs that are different words must not (a
// shared prefix, a stopword-only query). A pair matches when every term the query is searched
// with is among the terms the document is indexed with.
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/analysis/analyzer.ts';

const INDEX_ANALYZER = 'dutch_text';
const SEARCH_ANALYZER = 'dutch_search';

function matches(query: string, document: string): boolean {
  const indexed = new Set(analyzeWith(INDEX_ANALYZER, document).map((t) => t.term));
  const wanted = analyzeWith(SEARCH_ANALYZER, query).flatMap((t) =>
    t.term === null ? [] : [t.term],
  );
  return wanted.length > 0 && wanted.every((term) => indexed.has(term));
}

const mustMatch: [string, string][] = [
  ['gemeente', 'gemeentes'],
  ['gemeente', 'gemeenten'],
  ['indienen', 'ingediend'],
  ['ingediend', 'indiende'],
  ['werken', 'gewerkt'],
  ['werkte', 'werkt'],
  ['huis', 'huizen'],
  ['huis', 'huisje'],
  ['kind', 'kinderen'],
  ['stad', 'steden'],
  ['groot', 'grote'],
  ['mooi', 'mooie'],
  ['auto', "auto's"],
  ['bedrijf', 'bedrijven'],
  ['vraag', 'vragen'],
  ['vragen', 'gevraagd'],
  ['antwoord', 'antwoorden'],
  ['beantwoord', 'beantwoorden'],
  ['subsidie', 'subsidies'],
  ['minister', 'ministers'],
  ['ambtenaar', 'ambtenaren'],
  ['museum', 'musea'],
  ['politie', 'politiediensten'],
  ['opvang', 'kinderopvang'],
  ['speel pleinen', 'speelpleinen'],
  ['Financiën', 'Financien'],
  ['financien', 'Financiën'],
  ['verhoogd', 'verhogen'],
  ['besliste', 'beslissen'],
  ['maatregel', 'maatregelen'],
];

const mustNotMatch: [string, string][] = [
  ['bank', 'bankier'],
  ['kan', 'kanaal'],
  ['arm', 'armoede'],
  ['stad', 'stadion'],
  ['ster', 'sterk'],
  ['wet', 'weten'],
  ['vis', 'visie'],
  ['kam', 'kamer'],
  ['pan', 'panel'],
  ['hand', 'handel'],
  ['bal', 'balans'],
  ['mes', 'mest'],
  ['post', 'postuum'],
  ['zon', 'zonde'],
  ['raad', 'raadsel'],
  ['graf', 'grafiek'],
  ['de', 'de minister'],
  ['het en van', 'het antwoord en de vraag van de minister'],
  ['kunnen', 'wij kunnen'],
  ['werk', 'werkelijk'],
];

describe('Dutch probe pairs', () => {
  const rate = (pairs: [string, string][], expected: boolean) => {
    const wrong = pairs.filter(([q, d]) => matches(q, d) !== expected);
    return { share: 1 - wrong.length / pairs.length, wrong: wrong.map(([q, d]) => `${q} / ${d}`) };
  };

  it('matches at least 90% of the pairs a Dutch reader takes for one word', () => {
    const { share, wrong } = rate(mustMatch, true);
    console.log(
      `must-match: ${(100 * share).toFixed(1)}% of ${mustMatch.length}; missed: ${wrong.join(', ')}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps at least 90% of the pairs of different words apart', () => {
    const { share, wrong } = rate(mustNotMatch, false);
    console.log(
      `must-not-match: ${(100 * share).toFixed(1)}% of ${mustNotMatch.length}; matched: ${wrong.join(', ')}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
