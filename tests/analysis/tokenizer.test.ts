// The standard tokenizer against tokens recorded from a real Elasticsearch (bench/tokenizer-parity.ts
// records them; the same script measures parity over the whole corpus against a live node).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maxTokenLength, standardTokenize } from '../../src/analysis/tokenizer.ts';

interface Recorded {
  source: string;
  cases: {
    text: string;
    tokens: { token: string; start_offset: number; end_offset: number; position: number }[];
  }[];
}
const recorded = JSON.parse(
  readFileSync(
    new URL('./fixtures/standard-tokenizer-elasticsearch.json', import.meta.url),
    'utf8',
  ),
) as Recorded;

describe(`standard tokenizer agrees with ${recorded.source}`, () => {
  it.each(recorded.cases.map((c) => [c.text.slice(0, 50), c] as const))(
    '%s',
    (_, { text, tokens }) => {
      const actual = standardTokenize(text).map(({ text, start, end, position }) => ({
        token: text,
        start_offset: start,
        end_offset: end,
        position,
      }));
      expect(actual).toEqual(tokens);
    },
  );
});

describe('standard tokenizer', () => {
  it('gives offsets that slice the token out of the text', () => {
    const text = 'Het Agentschap Innoveren en Ondernemen (VLAIO) reserveerde 500.000 euro.';
    for (const token of standardTokenize(text))
      expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('cuts tokens at the maximum length and keeps the rest', () => {
    const tokens = standardTokenize('x'.repeat(600));
    expect(tokens.map((t) => t.text.length)).toEqual([
      maxTokenLength,
      maxTokenLength,
      600 - 2 * maxTokenLength,
    ]);
  });

  it('returns nothing for text without words', () => {
    expect(standardTokenize('  -- ... \n')).toEqual([]);
  });
});
