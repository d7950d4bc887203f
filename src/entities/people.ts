// People: the name after a title or form of address ("minister Muyters", "viceminister-president
// Hilde Crevits", "mevrouw De Vreese"), and the asker/addressee lines of a question header
// ("van MAAIKE  DE VREESE", "aan HILDE CREVITS"). Only titled names: a capitalised word alone
// is too often a place, an organisation or the start of a sentence.
import type { Entity } from '../model/document.ts';

type PersonEntity = Extract<Entity, { type: 'person' }>;

const title = String.raw`(?:vice)?minister(?:-president)?|staatssecretaris|premier|eerste minister|volksvertegenwoordiger|senator|burgemeester|schepen|gouverneur|de heer|mevrouw|collega`;
// Particles that may open or join a Belgian/Dutch surname: "Van Quickenborne", "De Vreese", "van der Straeten".
const particle = String.raw`(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Vv]ande|[Vv]anden|[Vv]ander|[Ll]e|[Ll]a|[Dd]u|[Dd]'|[Tt]')`;
const namePart = String.raw`\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?`;
// "Jan van Dijk", "Van Quickenborne", "De Croo", "Muyters" — but not "minister van Veiligheid":
// a lowercase particle only after a first name.
const capitalParticle = String.raw`(?:Van|De|Den|Der|Ter|Vande|Vanden|Vander|Le|La|Du|D'|T')`;
const name = String.raw`${namePart}[ \t]+(?:${particle}[ \t]+){0,2}${namePart}|${capitalParticle}[ \t]+(?:${particle}[ \t]+)?${namePart}|${namePart}`;
// The title in any case ("Minister", "minister"), the name case-sensitively (capitalised words).
const anyCase = (words: string) =>
  words.replace(/\p{Ll}/gu, (letter) => `[${letter}${letter.toUpperCase()}]`);
const titledPattern = new RegExp(
  String.raw`(?<![\p{L}])(?:${anyCase(title)})[ \t]+(?<name>${name})(?![\p{L}\p{N}])`,
  'gu',
);
// Words that follow "minister" but name an office, not a person ("minister Financiën" is rare,
// "Vlaams minister Van Economie" is a title in capitals).
const officeWords = new Set(
  'Economie Financiën Financien Justitie Werk Onderwijs Binnenlandse Buitenlandse Mobiliteit Volksgezondheid Defensie Landbouw Innovatie Sociale Welzijn Vlaamse Vlaams Federale Middenstand Pensioenen Asiel Begroting Energie Cultuur Sport Toerisme Wonen Omgeving Brussel Brusselse President'.split(
    ' ',
  ),
);

const headerPattern =
  /^(?:van|aan)[ \t]+(?<name>\p{Lu}[\p{Lu}'’-]+(?:[ \t]+\p{Lu}[\p{Lu}'’-]+){1,3})[ \t]*$/gmu;

const titleCase = (text: string) =>
  text
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{Ll})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
const normalise = (text: string) => text.replace(/\s+/gu, ' ').trim();

export function findPeople(text: string): PersonEntity[] {
  const found: PersonEntity[] = [];
  for (const match of text.matchAll(titledPattern)) {
    const person = match.groups?.name;
    if (!person || person.split(/[ \t]+/u).some((word) => officeWords.has(word))) continue;
    const start = match.index + match[0].length - person.length;
    found.push({
      type: 'person',
      text: person,
      start,
      end: start + person.length,
      canonical: normalise(person),
    });
  }
  for (const match of text.matchAll(headerPattern)) {
    const person = match.groups?.name;
    if (!person) continue;
    const start = match.index + match[0].indexOf(person);
    found.push({
      type: 'person',
      text: person,
      start,
      end: start + person.length,
      canonical: titleCase(normalise(person)),
    });
  }
  return found;
}
