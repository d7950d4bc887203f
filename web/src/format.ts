// Dutch (Belgian) presentation of dates, amounts, counts and passage labels.
import type { PassageType } from '../../src/model/document.ts';
import { passageTypeNames } from '../../src/model/passage-types.ts';
import { capitalise } from '../../src/model/readable-value.ts';

// Shared with the Atom feed, so a theme reads the same on the page and in a feed reader.
export { readableValue } from '../../src/model/readable-value.ts';

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

/** The badge of a passage: "Vraag 2", "Antwoord 2", "Inleiding", "Bijlage". */
export function passageLabel(type: PassageType, number: number | null): string {
  const label = passageTypeLabels[type];
  return number !== null && (type === 'question' || type === 'answer')
    ? `${label} ${number}`
    : label;
}
