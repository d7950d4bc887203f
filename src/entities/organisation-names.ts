// One name per organisation, whatever the spelling in the text: the gazetteer's canonical name
// when it knows any spelling ("Vlaio", "VLAIO" → "Agentschap Innoveren en Ondernemen (VLAIO)"),
// else the name without its legal form ("Retail Partners vzw" → "Retail Partners"), a long
// all-capitals word capitalised ("FEDASIL" → "Fedasil") and an acronym kept in capitals ("NMBS").
import { canonicalName, organisations } from './organisations.ts';

const legalFormPattern = /[\s,]+(?:vzw|v\.z\.w\.?|cvba|nv|n\.v\.?|bv|bvba|cv|comm\.?v|sa|asbl)$/iu;

/** Case, diacritics, spacing and legal form do not distinguish two names of one organisation. */
export const organisationKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(legalFormPattern, '')
    .toLowerCase();

const gazetteerByKey = new Map<string, string>();
for (const organisation of organisations) {
  const canonical = canonicalName(organisation);
  for (const form of [organisation.name, organisation.acronym, ...organisation.aliases]) {
    if (form) gazetteerByKey.set(organisationKey(form), canonical);
  }
}

/** The gazetteer's name for a spelling, or undefined when it does not know the organisation. */
export const knownOrganisation = (name: string) => gazetteerByKey.get(organisationKey(name));

const capitalise = (word: string) => word.charAt(0) + word.slice(1).toLowerCase();

export function canonicalOrganisation(name: string): string {
  const known = knownOrganisation(name);
  if (known) return known;
  const bare = name.replace(/\s+/gu, ' ').trim().replace(legalFormPattern, '');
  // An all-capitals word of six letters or more is a name set in capitals, not an acronym.
  return /^\p{Lu}{6,}$/u.test(bare) ? capitalise(bare) : bare;
}
