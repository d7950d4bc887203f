// The query-side compound and spelling alternatives both engines search for
// (src/search/compound-variants.ts), on a small part list and on the real one.
import { describe, expect, it } from 'vitest';
import {
  compoundLexicon,
  compoundVariants,
  queryWithVariants,
  withCompoundVariants,
  type CompoundLexicon,
} from '../../src/search/compound-variants.ts';
import { MAX_COMPOUND_VARIANT_WORDS } from '../../src/search/rules.ts';

const lexicon: CompoundLexicon = {
  parts: new Set([
    'speel',
    'plein',
    'arbeid',
    'markt',
    'kinder',
    'opvang',
    'mail',
    'gemeente',
    'raad',
  ]),
  minPart: 4,
};
const variantsOf = (words: string[]) => compoundVariants(words, lexicon);

describe('compound variants', () => {
  it('splits a word typed joined into its parts written apart, a linking letter left out', () => {
    expect(variantsOf(['speelpleinen'])).toEqual([[['speel', 'pleinen']]]);
    expect(variantsOf(['arbeidsmarkt'])).toEqual([[['arbeid', 'markt']]]);
    expect(variantsOf(['Kinderopvang'])).toEqual([[['kinder', 'opvang']]]);
    expect(variantsOf(['gemeenteraad'])).toEqual([[['gemeente', 'raad']]]);
  });

  it('does not split off a part shorter than the minimum or one the part list lacks', () => {
    expect(variantsOf(['markten'])).toEqual([[]]);
    expect(variantsOf(['pleinster'])).toEqual([[]]);
    expect(variantsOf(['speelgoed'])).toEqual([[]]);
  });

  it('joins adjacent words, with a linking letter only when both are known parts', () => {
    const [speel, pleinen] = variantsOf(['speel', 'pleinen']);
    expect(speel).toEqual(['speelpleinen', 'speelspleinen', 'speelenpleinen']);
    expect(pleinen).toEqual(speel);
    expect(variantsOf(['asiel', 'zoekers'])).toEqual([['asielzoekers'], ['asielzoekers']]);
    expect(variantsOf(['gemeente', 'raad'])[0]).toEqual([
      'gemeenteraad',
      'gemeentenraad',
      'gemeentesraad',
    ]);
  });

  it('joins only letter words of the minimum part length', () => {
    expect(variantsOf(['de', 'markt'])).toEqual([[], []]);
    expect(variantsOf(['2017', 'markt'])).toEqual([[], []]);
  });

  it('writes hyphens and dots both ways', () => {
    expect(variantsOf(['e-mail'])).toEqual([['email']]);
    expect(variantsOf(['email'])).toEqual([[['e', 'mail']]]);
    expect(variantsOf(['N.V.'])).toEqual([['nv']]);
    expect(variantsOf(['NV'])).toEqual([['n.v.']]);
    expect(variantsOf(['vzw'])).toEqual([['v.z.w.']]);
    // A short word with a vowel is a word, not an abbreviation.
    expect(variantsOf(['raad'])).toEqual([[]]);
  });

  it('expands only the first MAX_COMPOUND_VARIANT_WORDS words', () => {
    const words = Array.from({ length: MAX_COMPOUND_VARIANT_WORDS + 2 }, () => 'arbeidsmarkt');
    const variants = variantsOf(words);
    expect(variants.slice(0, MAX_COMPOUND_VARIANT_WORDS).every((v) => v.length > 0)).toBe(true);
    expect(variants.slice(MAX_COMPOUND_VARIANT_WORDS)).toEqual([[], []]);
  });
});

describe('a query with its variants', () => {
  it('groups each plain word with its alternatives', () => {
    expect(withCompoundVariants('speelpleinen in Gent', lexicon)).toBe(
      '(speelpleinen | "speel pleinen") in Gent',
    );
    expect(withCompoundVariants('  asiel zoekers ', lexicon)).toBe(
      '  (asiel | asielzoekers) (zoekers | asielzoekers) ',
    );
  });

  it('leaves quoted phrases, operators, prefixes and fuzzy words alone and joins nothing across them', () => {
    for (const q of [
      '"speelpleinen"',
      'asiel | zoekers',
      'asiel -zoekers',
      'speelpleinen*',
      'speelpleinen~1',
      '(asiel zoekers)',
      'asiel "van" zoekers',
    ])
      expect(withCompoundVariants(q, lexicon), q).toBe(q);
  });

  it('uses the decompounder’s part list of mappings/analysis.json', () => {
    expect(compoundLexicon().minPart).toBe(4);
    expect(queryWithVariants('kinderopvang')).toBe('(kinderopvang | "kinder opvang")');
    expect(queryWithVariants('speel pleinen')).toContain('speelpleinen');
  });
});
