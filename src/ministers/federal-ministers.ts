// The person behind a federal office on a date: the federal data names the answering minister's
// office ("Minister van Justitie"), not the person, so the composition of the governments (data
// in data/federal-offices.json, sources named there) maps office + question date to the holder.
import { z } from 'zod';
import composition from './data/federal-offices.json' with { type: 'json' };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Holder = z.object({
  person: z.string(),
  /** Day of the oath. */
  from: isoDate,
  /** The successor's oath (exclusive): a date between two holders picks the one then in office. */
  to: isoDate,
  /** A public page that confirms this change of holder. */
  checked: z.url().optional(),
});
const Office = z.object({ titles: z.array(z.string()).min(1), holders: z.array(Holder).min(1) });
const Composition = z.object({
  about: z.string(),
  sources: z.array(z.url()),
  offices: z.array(Office),
});

type Office = z.infer<typeof Office>;

/**
 * The portfolio a title names, whatever the rank or attachment that varies between governments
 * and spellings: "Vice-eersteminister en minister van Financiën, …" and "Staatssecretaris …,
 * toegevoegd aan de minister van …" lose the rank and the attachment; case, diacritics
 * (the data writes "Financien"), quotes and spacing do not count.
 */
export function officeKey(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^vice-eersteminister en /, '')
    .replace(/,? toegevoegd aan de (?:eerste )?minister.*$/, '')
    .replace(/[\s.,;]+$/, '');
}

const offices = Composition.parse(composition).offices;
const officeByKey = new Map<string, Office>();
for (const office of offices) {
  for (const title of office.titles) {
    const key = officeKey(title);
    if (officeByKey.has(key)) throw new Error(`federal-offices.json: "${title}" is listed twice`);
    officeByKey.set(key, office);
  }
}

export type MinisterLookup =
  { ok: true; person: string } | { ok: false; reason: 'unknown office' | 'no holder on that date' };

/** Who held `office` on `date` (YYYY-MM-DD); never a guess: an unknown office or date says so. */
export function federalMinister(office: string, date: string): MinisterLookup {
  const known = officeByKey.get(officeKey(office));
  if (!known) return { ok: false, reason: 'unknown office' };
  const holder = known.holders.find((h) => h.from <= date && date < h.to);
  return holder
    ? { ok: true, person: holder.person }
    : { ok: false, reason: 'no holder on that date' };
}
