// The organisation gazetteer: known Belgian/Flemish organisations with their acronyms.
import { z } from 'zod';
import gazetteer from './data/organisations.json' with { type: 'json' };

const Organisation = z.object({
  /** Full name, e.g. "Agentschap Innoveren en Ondernemen". */
  name: z.string(),
  /** Acronym or short name, e.g. "VLAIO"; null when the organisation has none. */
  acronym: z.string().nullable(),
  /** Other spellings that mean the same organisation. */
  aliases: z.array(z.string()).default([]),
});
export type Organisation = z.infer<typeof Organisation>;

export const organisations: readonly Organisation[] = z
  .object({ organisations: z.array(Organisation) })
  .parse(gazetteer).organisations;

/** One name for all spellings: "Agentschap Innoveren en Ondernemen (VLAIO)". */
export function canonicalName(organisation: Organisation): string {
  return organisation.acronym && organisation.acronym !== organisation.name
    ? `${organisation.name} (${organisation.acronym})`
    : organisation.name;
}

/** Search synonyms in Solr format, one line per organisation: "vlaio, agentschap innoveren en ondernemen". */
export function organisationSynonyms(): string[] {
  const lines: string[] = [];
  for (const organisation of organisations) {
    const names = [organisation.acronym, organisation.name, ...organisation.aliases]
      .filter((name): name is string => name !== null)
      // A comma separates synonyms in Solr format; the analyzer drops punctuation anyway.
      .map((name) => name.replaceAll(',', '').toLowerCase());
    const unique = [...new Set(names)];
    if (unique.length > 1) lines.push(unique.join(', '));
  }
  return lines;
}
