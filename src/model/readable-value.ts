// How a value written in capitals reads in Dutch: declared once, here, free of dependencies, so the
// search page and the Atom feed show the Chamber's themes the same way.

/** A word without a vowel ("NMBS", "BTW") is an abbreviation, not a word written in capitals. */
const ABBREVIATION = /^[^\p{L}]*[B-DF-HJ-NP-TV-XZ]{2,}[^\p{L}]*$/u;

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A facet value as it reads best: themes written in capitals ("ECONOMISCHE ZAKEN") in normal case
 * ("Economische zaken"), abbreviations kept ("Vervoer per spoor (NMBS)"); anything else as it is.
 */
export function readableValue(value: string): string {
  const letters = value.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4 || letters !== letters.toUpperCase()) return value;
  const words = value
    .split(/([\s/-]+)/)
    .map((word) => (ABBREVIATION.test(word) ? word : word.toLowerCase()));
  return capitalise(words.join(''));
}
