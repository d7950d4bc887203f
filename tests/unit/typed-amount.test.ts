// The amount filter reads what a Belgian user types: dots between thousands, a decimal comma, and
// words for millions; anything else is no amount (the page flags it instead of searching).
import { describe, expect, it } from 'vitest';
import { parseTypedAmount } from '../../web/src/amount-input.ts';

describe('parseTypedAmount', () => {
  it.each([
    ['1.000.000', 1_000_000],
    ['1 000 000', 1_000_000],
    ['1.500', 1_500],
    ['2,5', 2.5],
    ['1.000.000,50', 1_000_000.5],
    ['1,5 miljoen', 1_500_000],
    ['12,5 mio', 12_500_000],
    ['€ 300 duizend', 300_000],
    ['10 euro', 10],
  ])('reads "%s" as %d euro', (typed, euro) => {
    expect(parseTypedAmount(typed)).toBe(euro);
  });

  it.each(['veel', '', '1.00.000', 'miljoen'])('reads "%s" as no amount', (typed) => {
    expect(parseTypedAmount(typed)).toBeNull();
  });
});
