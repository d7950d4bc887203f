import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeTerms, analyzeWith, createAnalyzer } from '../../src/analysis/analyzer.ts';
import { loadAnalysisSettings } from '../../src/analysis/definition.ts';
import { sharedPath } from '../../tooling/shared-data.ts';

const reference = sharedPath('reference', 'snowball-dutch');
const lines = (file: string) => readFileSync(path.join(reference, file), 'utf8').split('\n');

describe('dutch_text analyzer', () => {
  it('stems the whole Snowball Dutch vocabulary exactly as Lucene’s DutchStemmer (dutch_porter)', () => {
    // The stemmer filter of analysis.json on its own (no stopwords, no override dictionary).
    const settings = loadAnalysisSettings();
    settings.analysis.analyzer.stem_only = {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['dutch_stemmer'],
    };
    const stem = createAnalyzer('stem_only', settings);
    const words = lines('voc.txt').filter(Boolean);
    const stems = lines('dutch_porter.output.txt');
    const disagreements: string[] = [];
    words.forEach((word, i) => {
      const terms = stem(word).map((t) => t.term);
      if (terms.length !== 1 || terms[0] !== stems[i])
        disagreements.push(`${word}: ${terms.join(' ')} ≠ ${stems[i]}`);
    });
    expect(words.length).toBe(45_670);
    expect(disagreements).toEqual([]);
  });

  // The query analyzer: the index analyzer without the decompounder, so one term a word.
  const searchTerms = (text: string) =>
    analyzeWith('dutch_search', text).flatMap((t) => (t.term === null ? [] : [t.term]));

  it('analyses single words to their stem unless they are stopwords', () => {
    expect(searchTerms('ondernemers')).toEqual(['ondernemer']);
    expect(analyzeTerms('hebben')).toEqual([]);
  });

  it('keeps the default stem dictionary of Lucene’s DutchAnalyzer', () => {
    expect(searchTerms('fiets bromfiets ei kind')).toEqual([
      'fiets',
      'bromfiets',
      'eier',
      'kinder',
    ]);
    // Without the override, Snowball would stem these differently.
    expect(searchTerms('fietsen kinderen')).toEqual(['fiets', 'kinder']);
  });

  it('removes Dutch stopwords but reports them, with their positions', () => {
    const tokens = analyzeWith('dutch_search', 'Kan de minister een overzicht geven?');
    expect(tokens.map((t) => [t.text, t.term])).toEqual([
      ['Kan', null],
      ['de', null],
      ['minister', 'minister'],
      ['een', null],
      ['overzicht', 'overzicht'],
      ['geven', 'gev'],
    ]);
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('lowercases like Java (per character)', () => {
    expect(analyzeWith('dutch_exact', 'ΣΊΣΥΦΟΣ İSTANBUL').map((t) => t.term)).toEqual([
      'σίσυφοσ',
      'istanbul',
    ]);
  });

  it('finds a word in its inflected forms', () => {
    const [question] = searchTerms('begeleidingstrajecten');
    expect(searchTerms('begeleidingstraject')).toEqual([question]);
    // Beyond Snowball: the lexicon's plural in -s, participle and irregular plural.
    expect(searchTerms('gemeente gemeentes')).toEqual(['gemeent', 'gemeent']);
    expect(searchTerms('indienen ingediend')).toEqual(['indien', 'indien']);
    expect(searchTerms('stad steden')).toEqual(['stad', 'stad']);
  });

  it('indexes the parts of a compound at the compound’s position and offsets', () => {
    const tokens = analyze('De kinderopvang');
    const compound = tokens.filter((t) => t.text === 'kinderopvang');
    expect(compound.map((t) => t.term)).toContain('opvang');
    expect(compound[0]!.term).toBe('kinderopvang');
    expect(new Set(compound.map((t) => `${t.position}:${t.start}-${t.end}`)).size).toBe(1);
    expect(analyzeTerms('speelpleinen')).toEqual(
      expect.arrayContaining(searchTerms('speel pleinen')),
    );
  });

  it('decompounds as Lucene’s DictionaryCompoundWordTokenFilter does', () => {
    const settings = loadAnalysisSettings();
    const decompounder = (onlyLongestMatch: boolean) => {
      settings.analysis.filter.parts = {
        type: 'dictionary_decompounder',
        word_list: ['bil', 'dörr', 'motor', 'tak', 'bildörr'],
        min_word_size: 5,
        min_subword_size: 2,
        max_subword_size: 15,
        only_longest_match: onlyLongestMatch,
      };
      settings.analysis.analyzer.parts = {
        type: 'custom',
        tokenizer: 'standard',
        filter: ['parts'],
      };
      return createAnalyzer('parts', settings);
    };
    // Every dictionary word at every start, the whole word included; or only the longest there,
    // going on after it.
    expect(decompounder(false)('bildörr biltak').map((t) => t.term)).toEqual([
      'bildörr',
      'bil',
      'bildörr',
      'dörr',
      'biltak',
      'bil',
      'tak',
    ]);
    expect(decompounder(true)('bildörr biltak').map((t) => t.term)).toEqual([
      'bildörr',
      'bildörr',
      'biltak',
      'bil',
      'tak',
    ]);
    // Shorter than min_word_size: left alone.
    expect(decompounder(false)('bil').map((t) => t.term)).toEqual(['bil']);
  });
});

describe('analysis settings', () => {
  it('dutch_exact keeps every word unstemmed for phrase matching', () => {
    expect(analyzeWith('dutch_exact', 'De Online verkopen').map((t) => t.term)).toEqual([
      'de',
      'online',
      'verkopen',
    ]);
  });

  it('rejects an analyzer or filter that the TypeScript engine cannot run', () => {
    const settings = loadAnalysisSettings();
    expect(() => createAnalyzer('missing', settings)).toThrow(/analyzer "missing" is not defined/);
    settings.analysis.filter.odd = { type: 'phonetic' };
    settings.analysis.analyzer.odd = { type: 'custom', tokenizer: 'standard', filter: ['odd'] };
    expect(() => createAnalyzer('odd', settings)).toThrow(/type "phonetic" is not supported/);
  });
});
