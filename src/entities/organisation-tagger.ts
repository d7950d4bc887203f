// Organisations: names from the gazetteer (acronym or full name, in the spellings texts use:
// "VLAIO", "Vlaio", "Agentschap  Innoveren en\nOndernemen") and, for names no list holds,
// a capitalised name followed by a legal form ("Retail Partners vzw").
import type { OrganisationEntity } from '../model/document.ts';
import { namedStopwords } from '../analysis/stopwords.ts';
import { canonicalOrganisation } from './organisation-names.ts';
import { canonicalName, organisations } from './organisations.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Words of a name may be separated by any run of whitespace, as in text extracted from PDFs.
const flexible = (name: string) =>
  name
    .split(/\s+/u)
    .map(escape)
    .join(String.raw`\s+`);

/** The spellings of one form: as listed, all capitals, and capitalised ("Vlaio"). */
function spellings(form: string): string[] {
  const capitalised = form.charAt(0).toUpperCase() + form.slice(1).toLowerCase();
  // Only one-word forms get the case variants: "Raad Van State" is not a way to write it.
  return /\s/u.test(form) ? [form] : [form, form.toUpperCase(), capitalised];
}

const canonicalBySpelling = new Map<string, string>();
for (const organisation of organisations) {
  const canonical = canonicalName(organisation);
  for (const form of [organisation.name, organisation.acronym, ...organisation.aliases]) {
    if (form) for (const spelling of spellings(form)) canonicalBySpelling.set(spelling, canonical);
  }
}
const normalise = (text: string) => text.replace(/\s+/gu, ' ');

// Longest spellings first, so "FOD Financiën" wins over a shorter overlapping name.
const gazetteerPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:` +
    [...canonicalBySpelling.keys()]
      .sort((a, b) => b.length - a.length)
      .map(flexible)
      .join('|') +
    String.raw`)(?![\p{L}\p{N}])`,
  'gu',
);

const legalForm = String.raw`vzw|v\.z\.w\.|cvba|nv|bv|bvba|cv|comm\.?v`;
const capitalisedWord = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*`;
const legalFormPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<name>${capitalisedWord}(?:[ \t]+${capitalisedWord}){0,3})[ \t]+(?:${legalForm})(?![\p{L}\p{N}])`,
  'gu',
);
const stopwords = new Set(namedStopwords._dutch_);
// Determiners that precede "nv"/"bv" in running text ("Een bv", "Elke nv").
const determiners = new Set([
  'een',
  'elke',
  'iedere',
  'bepaalde',
  'sommige',
  'alle',
  'welke',
  'zo',
]);
const isFunctionWord = (word = '') =>
  stopwords.has(word.toLowerCase()) || determiners.has(word.toLowerCase());

function looksLikeName(words: string[]): boolean {
  const [first, second] = words;
  if (!first || (isFunctionWord(first) && !(first === 'De' && second))) return false;
  // An adjective ("Vlaamse", "Belgische") does not end a name.
  return !/(?:isch|s)e$/u.test(words.at(-1) ?? '');
}

function fromGazetteer(text: string): OrganisationEntity[] {
  const found: OrganisationEntity[] = [];
  for (const match of text.matchAll(gazetteerPattern)) {
    const canonical = canonicalBySpelling.get(normalise(match[0]));
    if (!canonical) continue;
    found.push({
      type: 'organisation',
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      canonical,
    });
  }
  return found;
}

function fromLegalForms(text: string): OrganisationEntity[] {
  const found: OrganisationEntity[] = [];
  for (const match of text.matchAll(legalFormPattern)) {
    const words = (match.groups?.name ?? '').split(/[ \t]+/u);
    // A sentence-initial "Bij" or "Het" is not part of the name, but "De Lijn" keeps its article.
    while (
      words.length > 1 &&
      isFunctionWord(words[0]) &&
      !(words[0] === 'De' && words.length === 2)
    )
      words.shift();
    if (!looksLikeName(words)) continue;
    const name = words.join(' ');
    const start = match.index + match[0].indexOf(words[0] ?? '');
    const end = match.index + match[0].length;
    found.push({
      type: 'organisation',
      text: text.slice(start, end),
      start,
      end,
      canonical: canonicalOrganisation(name),
    });
  }
  return found;
}

export function findOrganisations(text: string): OrganisationEntity[] {
  return [...fromGazetteer(text), ...fromLegalForms(text)];
}
