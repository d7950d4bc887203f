// Display forms of names and offices that the documents print in capitals ("MAAIKE  DE VREESE").

/** Runs of whitespace become one space; ends trimmed. */
export const collapseSpaces = (text: string) => text.replace(/\s+/g, ' ').trim();

const isAllCaps = (text: string) => /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);

const capitalise = (word: string) =>
  word
    .toLowerCase()
    .replace(
      /(^|[-'’])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );

/** "MAAIKE  DE VREESE" → "Maaike De Vreese"; names already in mixed case keep their spelling. */
export function displayName(name: string): string {
  const collapsed = collapseSpaces(name);
  return isAllCaps(collapsed) ? collapsed.split(' ').map(capitalise).join(' ') : collapsed;
}

/** "Burton, Emmanuel" (the federal data's order) → "Emmanuel Burton". */
export function displayLastFirst(name: string): string {
  const [last, first] = name.split(',', 2).map(collapseSpaces);
  return displayName(first ? `${first} ${last}` : (last ?? ''));
}

const officeFunctionWords = new Set([
  'van',
  'de',
  'het',
  'der',
  'den',
  'en',
  'voor',
  'op',
  'met',
  'in',
  'aan',
  'bij',
  'tot',
  'of',
]);

/**
 * "VLAAMS MINISTER  VAN ECONOMIE, INNOVATIE," → "Vlaams Minister van Economie, Innovatie":
 * capitals per word except Dutch function words; a dangling comma (a cut-off line) is dropped.
 */
export function displayOffice(office: string): string {
  const collapsed = collapseSpaces(office).replace(/[\s,]+$/, '');
  if (!isAllCaps(collapsed)) return collapsed;
  return collapsed
    .split(' ')
    .map((word, index) =>
      index > 0 && officeFunctionWords.has(word.toLowerCase())
        ? word.toLowerCase()
        : capitalise(word),
    )
    .join(' ');
}

/** A line in capitals only, like a name or office line ("JO BROUNS", "VLAAMS MINISTER VAN …"). */
export function isCapitalsLine(line: string): boolean {
  return isAllCaps(line) && /\p{Lu}{2,}/u.test(line);
}
