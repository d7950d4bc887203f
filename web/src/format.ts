// Dutch (Belgian) presentation of dates, amounts, counts and passage labels.
import type { PassageType } from '../../src/model/document.ts';

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

export const passageTypeLabels: Record<PassageType, string> = {
  context: 'Inleiding',
  question: 'Vraag',
  answer: 'Antwoord',
  annex: 'Bijlage',
};

/** The badge of a passage: "Vraag 2", "Antwoord 2", "Inleiding", "Bijlage". */
export function passageLabel(type: PassageType, number: number | null): string {
  const label = passageTypeLabels[type];
  return number !== null && (type === 'question' || type === 'answer')
    ? `${label} ${number}`
    : label;
}
