// The Latin fast path of the standard tokenizer gives the reference tokenizer's tokens, or hands the
// text to it. (The whole corpus: tests/analysis/analyzer-fast-path.test.ts.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latinTokens, tokenizeStandard } from '../../src/analysis/latin-tokenizer.ts';
import { standardTokenize } from '../../src/analysis/tokenizer.ts';

const recorded = JSON.parse(
  readFileSync(
    new URL('./fixtures/standard-tokenizer-elasticsearch.json', import.meta.url),
    'utf8',
  ),
) as { cases: { text: string }[] };

const cases = [
  'De minister van Financiën antwoordt: 1.500.000 euro, d.w.z. 1,5 miljoen (art. 3).',
  "Het kind's fiets; a:b a·b a.3 3.a 1:5 1;5 a_b _a ___ x.y.z. l'enfant rock’n’roll",
  'Tab\tnew\nline\r\nend — “quoted” «guillemets» … 50% €12',
  'emoji 👍 here',
  '東京 and Ελληνικά',
  'soft\u00adhyphen',
  `${'a'.repeat(300)} long`,
  '',
];

describe('Latin fast path of the standard tokenizer', () => {
  it.each([...cases, ...recorded.cases.map((c) => c.text)].map((t) => [t.slice(0, 40), t]))(
    '%s',
    (_, text) => {
      const fast = latinTokens(text);
      if (fast !== null) expect(fast).toEqual(standardTokenize(text));
      expect(tokenizeStandard(text)).toEqual(standardTokenize(text));
    },
  );

  it('takes ordinary Dutch text itself and hands other scripts to the reference', () => {
    expect(latinTokens(cases[0]!)).not.toBeNull();
    expect(latinTokens("Het kind's fiets: a.3, 1;5 en rock’n’roll")).not.toBeNull();
    expect(latinTokens('emoji 👍 here')).toBeNull();
    expect(latinTokens('東京')).toBeNull();
  });
});
