// The features of a token in its sentence, for the entity tagger: the word, its shape and affixes,
// its neighbours, the tags already given to the two words before it, and whether the gazetteers
// (src/entities/data) know it. Training and tagging use this one definition.
import { createRequire } from 'node:module';
// The library without its Node entry, which loads all ~80 languages' names (40 ms at every start);
// only the Dutch names are registered below.
import countries from 'i18n-iso-countries/index.js';
import { organisations } from '../organisations.ts';
import placesData from '../data/places.json' with { type: 'json' };

// Required rather than imported: the package's JSON stays outside the bundle (dist/), where an
// import would need an attribute the bundler does not carry over.
const dutchCountryNames = createRequire(import.meta.url)(
  'i18n-iso-countries/langs/nl.json',
) as countries.LocaleData;

/** "Floralux" → "Xx", "VLAIO" → "X", "2017" → "d", "N.V." → "X.X.", "e-mail" → "x-x". */
export function shape(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/gu, '$1');
}

function gazetteerWords() {
  const organisationWords = new Set<string>();
  const acronyms = new Set<string>();
  for (const organisation of organisations) {
    for (const form of [organisation.name, ...organisation.aliases]) {
      for (const word of form.split(/\s+/u)) if (/^\p{Lu}/u.test(word)) organisationWords.add(word);
    }
    if (organisation.acronym) acronyms.add(organisation.acronym.toUpperCase());
  }
  const placeWords = new Set<string>();
  for (const place of (placesData as { places: { forms: string[] }[] }).places) {
    for (const form of place.forms) for (const word of form.split(/\s+/u)) placeWords.add(word);
  }
  // Country names in Dutch ("Israël", "Verenigde Staten"): newspaper text names many more
  // countries than the Belgian place list holds.
  countries.registerLocale(dutchCountryNames);
  const countryWords = new Set<string>();
  for (const names of Object.values(countries.getNames('nl', { select: 'all' }))) {
    for (const name of names) for (const word of name.split(/\s+/u)) countryWords.add(word);
  }
  return { organisationWords, acronyms, placeWords, countryWords };
}
const gazetteer = gazetteerWords();

const lower = (word: string | undefined) => (word === undefined ? '<none>' : word.toLowerCase());

/** Shapes of the words seen lately: a word's shape takes four replacements, and words recur. */
const shapes = new Map<string, string>();
const SHAPE_CACHE_SIZE = 50_000;
function cachedShape(word: string): string {
  let wordShape = shapes.get(word);
  if (wordShape === undefined) {
    if (shapes.size >= SHAPE_CACHE_SIZE) shapes.clear();
    shapes.set(word, (wordShape = shape(word)));
  }
  return wordShape;
}

/** The features of a word whatever its place: the same wherever it occurs, so a model may keep their sum. */
export function wordFeatures(word: string): string[] {
  const low = word.toLowerCase();
  const features = [
    'bias',
    `w=${low}`,
    `shape=${cachedShape(word)}`,
    `p1=${low.slice(0, 1)}`,
    `p2=${low.slice(0, 2)}`,
    `p3=${low.slice(0, 3)}`,
    `s1=${low.slice(-1)}`,
    `s2=${low.slice(-2)}`,
    `s3=${low.slice(-3)}`,
    `s4=${low.slice(-4)}`,
    `W=${word}`,
    `len=${Math.min(word.length, 10)}`,
  ];
  if (word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word))
    features.push('allcaps');
  if (/-/u.test(word)) features.push('hyphen');
  if (gazetteer.acronyms.has(word.toUpperCase()) && /^\p{Lu}/u.test(word))
    features.push('gaz:acronym');
  if (gazetteer.organisationWords.has(word)) features.push('gaz:organisation');
  if (gazetteer.placeWords.has(word)) features.push('gaz:place');
  if (gazetteer.countryWords.has(word)) features.push('gaz:country');
  return features;
}

/** The features of token i of words that depend on its neighbours and the tags before it. */
export function contextFeatures(
  words: readonly string[],
  i: number,
  previousTags: readonly string[],
): string[] {
  const word = words[i] ?? '';
  const low = word.toLowerCase();
  const before = words[i - 1];
  const after = words[i + 1];
  const tag1 = previousTags[i - 1] ?? '<s>';
  const tag2 = previousTags[i - 2] ?? '<s>';
  const wordShape = cachedShape(word);
  const shapeBefore = before === undefined ? '<s>' : cachedShape(before);
  const shapeAfter = after === undefined ? '</s>' : cachedShape(after);
  const features = [
    `w-1=${lower(before)}`,
    `w+1=${lower(after)}`,
    `w-2=${lower(words[i - 2])}`,
    `w+2=${lower(words[i + 2])}`,
    `shape-1=${shapeBefore}`,
    `shape+1=${shapeAfter}`,
    `t-1=${tag1}`,
    `t-2,t-1=${tag2},${tag1}`,
    `t-1,w=${tag1},${low}`,
    `t-1,shape=${tag1},${wordShape}`,
    `w-1,w=${lower(before)},${low}`,
    `w,w+1=${low},${lower(after)}`,
    `shapes=${shapeBefore},${wordShape},${shapeAfter}`,
    `s3-1=${lower(before).slice(-3)}`,
    `t-1,w+1=${tag1},${lower(after)}`,
  ];
  if (i === 0) features.push(`first,shape=${wordShape}`);
  return features;
}

/** Feature names for token i of words, given the tags of the two tokens before it. */
export function tokenFeatures(
  words: readonly string[],
  i: number,
  previousTags: readonly string[],
): string[] {
  return [...wordFeatures(words[i] ?? ''), ...contextFeatures(words, i, previousTags)];
}
