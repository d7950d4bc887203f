// Organisations and people from the statistical tagger, kept only where a reader would agree.
// The tagger learned newspaper text; parliamentary text has capitalised words that name no
// organisation (an office's policy domain, a citation, a heading) and organisations the newspaper
// model often calls persons (a list of subsidised partners). So: a span the tagger calls a person,
// place or MISC counts as an organisation when its words say so ("Netwerk …", "… Inspectie");
// words that are no names are dropped; "Name (ACR)" joins both under one name.
import type { Entity, OrganisationEntity } from '../model/document.ts';
import { canonicalOrganisation, knownOrganisation, organisationKey } from './organisation-names.ts';
import { findPlaces } from './places.ts';
import type { TaggedSpan } from './tagger/entity-tagger.ts';

type PersonEntity = Extract<Entity, { type: 'person' }>;

/**
 * Below this decision margin a span the gazetteer does not know is too unsure to show. Chosen on
 * the hand-annotated sample (bench/organisation-sample.ts): 200 → precision 0.75, recall 0.58;
 * 500 → 0.82, 0.52; 800 → 0.87, 0.47.
 */
const MIN_MARGIN = 500;

// Words that make a span a law, an office, a citation or a heading rather than a name.
const notAName =
  /^(?:wet|wetboek|decreet|besluit|koninklijk|ministerieel|verordening|richtlijn|omzendbrief|programmawet|grondwet|artikel|minister|staatssecretaris|eerste|vice-eersteminister|premier|mevrouw|heer|collega|kamerlid|antwoord|vraag|vragen|antwoorden|bijlage|bulletin|integraal|verslag|criv\d*|com\d*|doc|tabel|zie|graag|geachte|brexit|corona)$/iu;
// Policy domains: after "minister van" or "FOD" they name an office, not an organisation.
const policyDomain =
  /^(?:justitie|defensie|volksgezondheid|economie|sociale|zaken|landbouw|veiligheid|leefmilieu|voedselketen|werk|ambtenarenzaken|vreemdelingenzaken|binnenlandse|buitenlandse|financien|financiën|mobiliteit|middenstand|energie|pensioenen|begroting|asiel|migratie|en|,)$/iu;
// A head noun alone refers back to an organisation named in full earlier; it is not a name.
const genericHead =
  /^(?:agentschap|fonds|raad|commissie|dienst|inspectie|federaal|federale|vereniging|orgaan|rijksinstituut|instituut|directie|regie|coordinatie|coördinatie|dreiging|ombudsman|regering|overheid|stad|gemeente)$/iu;
// Words that make a name an organisation's whatever type the tagger gave it.
const organisationWord =
  /^(?:netwerk|vereniging|fonds|agentschap|dienst|inspectie|inspectiedienst|raad|commissie|kustwacht|orde|directie|instituut|federatie|stichting|consulting|group|groep|bank|universiteit|hogeschool|mission|force|ministerraad|bpost|partners)$/iu;

const words = (text: string) => text.split(/\s+/u);
const isAcronym = (text: string) =>
  /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{Ll}&]{2,7}$/u.test(text) && /^\p{Lu}/u.test(text);

function looksLikeOrganisation(span: TaggedSpan): boolean {
  if (span.type === 'ORG') return true;
  if (span.type === 'PER') return words(span.text).some((w) => organisationWord.test(w));
  return words(span.text).some((w) => organisationWord.test(w));
}

// The words start where a word does: tried from inside a long run of letters (Han characters),
// each position would walk to the run's end and back, quadratic in the run (20,000 took 27 s).
const thingAcronymPattern =
  /(?<![\p{L}-])(?<words>(?:[\p{L}-]+ ){0,3}\p{Ll}[\p{L}-]*) \((?<acronym>\p{Lu}[\p{L}]{1,6})\)/gu;

/** Acronyms a passage defines for a thing, not a name: "geregistreerd kassasysteem (GKS)". */
function thingAcronyms(text: string): Set<string> {
  const things = new Set<string>();
  // Most passages define no acronym at all: a cheap check before the pattern.
  if (!/ \(\p{Lu}\p{L}{1,6}\)/u.test(text)) return things;
  for (const match of text.matchAll(thingAcronymPattern)) {
    const named = words(match.groups!.words!).some(
      (w) => organisationWord.test(w) || genericHead.test(w),
    );
    if (!named) things.add(match.groups!.acronym!);
  }
  return things;
}

function plausible(span: TaggedSpan, text: string, things: ReadonlySet<string>): boolean {
  const spanWords = words(span.text);
  if (span.text.length < 2 || things.has(span.text)) return false;
  if (span.margin < MIN_MARGIN) return false;
  if (spanWords.some((w) => notAName.test(w)) || span.text.includes('+')) return false;
  if (spanWords.length === 1 && genericHead.test(span.text)) return false;
  // "ANT", "Leuven": a place the gazetteer knows is not an organisation.
  if (findPlaces(span.text).some((place) => place.text === span.text)) return false;
  // "FOD Buitenlandse", "Sociale": an adjective does not end a name.
  if (/(?:isch|s)e$/u.test(spanWords.at(-1) ?? '') && spanWords.length < 3) return false;
  if (spanWords.every((w) => policyDomain.test(w))) {
    const before = text.slice(Math.max(0, span.start - 60), span.start);
    if (
      /(?:minister|staatssecretaris|commissie|FOD|POD|beleidsdomein|bevoegd)\b[^.]*$/iu.test(before)
    )
      return false;
  }
  // A lone capitalised word at the start of a sentence is most often just that.
  if (span.sentenceInitial && spanWords.length === 1 && !isAcronym(span.text) && span.margin < 500)
    return false;
  return true;
}

/** "Raad voor Vreemdelingenbetwistingen (RvV)": the acronym's key → "Raad … (RvV)". */
function definedAcronyms(spans: readonly TaggedSpan[], text: string): Map<string, string> {
  const defined = new Map<string, string>();
  for (const span of spans) {
    const acronym = /^\s*\(([\p{Lu}][\p{L}&]{1,7})\)/u.exec(
      text.slice(span.end, span.end + 12),
    )?.[1];
    if (!acronym || !isAcronym(acronym) || words(span.text).length < 2) continue;
    const name = canonicalOrganisation(span.text);
    defined.set(organisationKey(acronym), knownOrganisation(acronym) ?? `${name} (${acronym})`);
    defined.set(organisationKey(span.text), knownOrganisation(acronym) ?? `${name} (${acronym})`);
  }
  return defined;
}

export function learnedOrganisations(
  spans: readonly TaggedSpan[],
  text: string,
): OrganisationEntity[] {
  const things = thingAcronyms(text);
  const named = spans.filter(
    (span) =>
      knownOrganisation(span.text) ||
      (looksLikeOrganisation(span) && plausible(span, text, things)),
  );
  const acronyms = definedAcronyms(named, text);
  // The acronym the passage defined names the organisation wherever it recurs, whatever its tag.
  const organisations = spans.filter(
    (span) => named.includes(span) || acronyms.has(organisationKey(span.text)),
  );
  return organisations.map((span) => ({
    type: 'organisation',
    text: span.text,
    start: span.start,
    end: span.end,
    canonical: acronyms.get(organisationKey(span.text)) ?? canonicalOrganisation(span.text),
  }));
}

export function learnedPeople(spans: readonly TaggedSpan[], text: string): PersonEntity[] {
  const things = thingAcronyms(text);
  return spans
    .filter(
      (span) =>
        span.type === 'PER' &&
        words(span.text).length > 1 &&
        !looksLikeOrganisation(span) &&
        plausible(span, text, things),
    )
    .map((span) => ({
      type: 'person',
      text: span.text,
      start: span.start,
      end: span.end,
      canonical: span.text.replace(/\s+/gu, ' '),
    }));
}
