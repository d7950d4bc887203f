// Amounts as a Belgian user types them in the amount filter: "1.000.000", "1 000 000", "2,5",
// "1,5 miljoen", "€ 300 duizend". The number itself is read by the entity tagger's parseAmount, so
// the filter and the amounts found in the texts agree on what "1.500" means (fifteen hundred).
import { parseAmount } from '../../src/entities/amounts.ts';

const typedAmount =
  /^\s*(?:€|eur(?:o)?)?\s*(?<number>\d{1,3}(?:[. \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s*(?<multiplier>duizend|miljoen|miljard|mio|mln|md)?\s*(?:€|eur(?:o)?)?\s*$/iu;

/** Euro value of what was typed, or null when it is not an amount. */
export function parseTypedAmount(text: string): number | null {
  const match = typedAmount.exec(text);
  const number = match?.groups?.number;
  if (!number) return null;
  return parseAmount(number, match.groups?.multiplier);
}
