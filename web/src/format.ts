// Dutch (Belgian) presentation of dates, amounts, counts and passage labels.
import type { PassageType } from '../../src/model/document.ts';
import { passageTypeNames } from '../../src/model/passage-types.ts';

const dateFormat = new Intl.DateTimeFormat('nl-BE', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const countFormat = new Intl.NumberFormat('nl-BE');

export function formatDate(isoDate: string | null): string | null {
  if (!isoDate) return null;
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

export function formatEuro(value: number): string {
  return new Intl.NumberFormat('nl-BE', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** "1 treffer" / "12 treffers". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "Vraag", "Antwoord", …: the Dutch type names, capitalised for a badge or a facet value. */
export const passageTypeLabels = Object.fromEntries(
  Object.entries(passageTypeNames).map(([type, name]) => [type, capitalise(name)]),
) as Record<PassageType, string>;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A word without a vowel ("NMBS", "BTW") is an abbreviation, not a word written in capitals. */
const ABBREVIATION = /^[^\p{L}]*[B-DF-HJ-NP-TV-XZ]{2,}[^\p{L}]*$/u;

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

/** The badge of a passage: "Vraag 2", "Antwoord 2", "Inleiding", "Bijlage". */
export function passageLabel(type: PassageType, number: number | null): string {
  const label = passageTypeLabels[type];
  return number !== null && (type === 'question' || type === 'answer')
    ? `${label} ${number}`
    : label;
}
