// Euro amounts as Belgian Dutch texts write them: "500.000 euro", "500 000 euro",
// "9.275.232,85 euro", "198.707,50€", "€ 1,2 miljoen", "1,5 miljard euro", "EUR 75",
// with the VAT qualifier that may follow ("inclusief btw", "(excl. BTW)").
import type { AmountEntity } from '../model/document.ts';

// Thousands grouped by '.', a (non-breaking) space, or none; decimals after ','.
// "2.25" (a dot not followed by exactly three digits) is a decimal point, as in "2.25 miljoen".
// The federal data also has "3. 000.000 euro" (a space after a thousands dot), accepted only when
// more groups follow, so that a list item "1. 500 euro" stays 500.
const number = String.raw`\d{1,3}(?:(?:\.|[ \u00a0\u202f]|\.[ ](?=\d{3}[.,]\d))\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`;
const multiplier = String.raw`duizend|miljoen|miljard|mio|mln|md`;
const currency = String.raw`euro(?:'s)?|eur|€`;
const space = String.raw`[ \u00a0\u202f]*`;

// Currency after the number ("500.000 euro", "1,5 miljard euro") or before it ("€ 1,2 miljoen").
const amountPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:` +
    String.raw`(?<num1>${number})(?:${space}(?<mul1>${multiplier})\b)?${space}(?<cur1>${currency})(?![\p{L}\p{N}])` +
    String.raw`|(?:${currency})${space}(?<num2>${number})(?:${space}(?<mul2>${multiplier})\b)?(?![\p{L}\p{N}]|[.,]\d)` +
    String.raw`)`,
  'giu',
);

// The VAT qualifier right after an amount, allowing a line break, comma or opening parenthesis.
const vatPattern =
  /^[\s,]*\(?\s*(?<which>incl(?:usief|\.)?|excl(?:usief|\.)?|inclusief|exclusief|zonder|met)\s*(?:de\s+)?(?:btw|bt\.?w\.?)\b/iu;

const multipliers: Record<string, number> = {
  duizend: 1e3,
  miljoen: 1e6,
  mio: 1e6,
  mln: 1e6,
  miljard: 1e9,
  md: 1e9,
};

/** The value of a number as written in Belgian Dutch: "9.275.232,85" → 9275232.85, "2.25" → 2.25. */
export function parseNumber(written: string): number {
  const compact = written.replace(/[ \u00a0\u202f]/gu, '');
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u.test(compact)) {
    return Number(compact.replaceAll('.', '').replace(',', '.'));
  }
  return Number(compact.replace(',', '.'));
}

/** The euro value of an amount's number and optional multiplier word ("1,2", "miljoen" → 1200000). */
export function parseAmount(written: string, multiplierWord?: string): number {
  const factor = multiplierWord ? (multipliers[multiplierWord.toLowerCase()] ?? 1) : 1;
  // Round away binary noise: 1,2 × 1e6 should be 1200000, not 1199999.9999999998.
  return Math.round(parseNumber(written) * factor * 100) / 100;
}

function vatAfter(text: string, end: number): AmountEntity['vat'] {
  const match = vatPattern.exec(text.slice(end, end + 40));
  const which = match?.groups?.which?.toLowerCase();
  if (!which) return null;
  return which.startsWith('incl') || which === 'met' ? 'incl' : 'excl';
}

export function findAmounts(text: string): AmountEntity[] {
  const amounts: AmountEntity[] = [];
  for (const match of text.matchAll(amountPattern)) {
    const groups = match.groups ?? {};
    const written = groups.num1 ?? groups.num2;
    if (written === undefined) continue;
    const start = match.index;
    const end = start + match[0].length;
    amounts.push({
      type: 'amount',
      text: match[0],
      start,
      end,
      value: parseAmount(written, groups.mul1 ?? groups.mul2),
      vat: vatAfter(text, end),
    });
  }
  return amounts;
}
