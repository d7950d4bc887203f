// Lemmas of the OpenTaal dictionary: each with its citation form and every inflected form the
// dictionary attests. Nouns and adjectives come straight from an entry's inflection flags; a verb
// stem entry ("werk" with person/past flags) is joined with its infinitive ("werken"), present
// participle ("werkend") and past participle ("gewerkt", "afgewerkt"), each only when the
// dictionary has that word, so a spelling rule never invents a form.
import { inflect, particles, readHunspell, type Hunspell } from './hunspell.ts';

export interface Lemma {
  /** Citation form: the entry word, or the infinitive of a verb. */
  base: string;
  /** Inflected forms, the base included. */
  forms: string[];
  /** Past participles (a participle that also has an adjective entry belongs with its verb). */
  participles: string[];
  verb: boolean;
}

const lowercaseWord = /^[a-zà-ÿ][a-zà-ÿ']*$/u;
const verbFlags = new Set(['V3', 'Vp', 'Vq', 'Va', 'Vb']);
// Particles of separable verbs beyond the dictionary's prefix flags ("in" + "dienen").
const separableParticles = [
  'aan',
  'af',
  'bij',
  'door',
  'in',
  'mee',
  'na',
  'om',
  'op',
  'over',
  'toe',
  'terug',
  'uit',
  'voor',
  'weg',
  'neer',
  'samen',
  'vast',
  'tegen',
  'los',
];
const unstressedPrefix = /^(be|ge|ver|ont|her|er)/u;

function infinitiveOf(stem: string, words: Set<string>): string | undefined {
  const undoubled = stem.replace(
    /(aa|ee|oo|uu)([^aeiou])$/u,
    (_, vowel: string, c: string) => vowel[0] + c,
  );
  const voiced = (s: string) => s.replace(/f$/u, 'v').replace(/s$/u, 'z');
  const candidates = [stem, stem + stem.at(-1), undoubled, voiced(stem), voiced(undoubled)];
  return candidates.map((c) => `${c}en`).find((c) => words.has(c));
}

/**
 * A participle candidate counts when the dictionary has the word and, if the word is an entry of
 * its own, the entry is marked as a participle (flag Ve): "gezond" is not the participle of "zonnen".
 */
function participlesOf(
  stem: string,
  words: Set<string>,
  entryFlags: Map<string, Set<string>>,
): string[] {
  const endings = /[td]$/u.test(stem) ? [''] : ['t', 'd'];
  const heads: string[] = [];
  if (unstressedPrefix.test(stem)) heads.push(stem);
  heads.push(`ge${stem}`);
  for (const particle of separableParticles) {
    if (stem.startsWith(particle) && stem.length > particle.length + 2)
      heads.push(`${particle}ge${stem.slice(particle.length)}`);
  }
  return heads
    .flatMap((head) => endings.map((e) => head + e))
    .filter((w) => words.has(w) && (entryFlags.get(w)?.has('Ve') ?? true));
}

function allWords(hunspell: Hunspell): Set<string> {
  const words = new Set<string>();
  for (const { word, flags } of hunspell.entries) {
    if (!lowercaseWord.test(word)) continue;
    const forms = [word, ...inflect(hunspell, word, flags)];
    for (const form of forms) words.add(form);
    for (const particle of particles(hunspell, word, flags))
      for (const form of forms) words.add(particle + form);
  }
  return words;
}

/** Singulars an uninflected plural entry may belong to: kinderen → kind, steden → stad, musea → museum. */
function irregularSingulars(plural: string): string[] {
  const candidates: string[] = [];
  if (plural.endsWith('eren')) candidates.push(plural.slice(0, -4));
  if (plural.endsWith('en')) {
    const stem = plural.slice(0, -2);
    candidates.push(stem.replace(/e([^aeiou]+)$/u, 'a$1'), stem.replace(/e([^aeiou]+)$/u, 'i$1'));
  }
  if (plural.endsWith('a')) candidates.push(`${plural.slice(0, -1)}um`);
  return candidates.filter((c) => c.length >= 2 && c !== plural);
}

const pluralFlag = /^[ZY]/u;

export function readLemmas(hunspell: Hunspell = readHunspell()): {
  lemmas: Lemma[];
  words: Set<string>;
} {
  const words = allWords(hunspell);
  const entryFlags = new Map<string, Set<string>>();
  for (const { word, flags } of hunspell.entries)
    entryFlags.set(word, new Set([...(entryFlags.get(word) ?? []), ...flags]));
  const lemmas: Lemma[] = [];
  const nouns = new Map<string, Lemma>();
  for (const { word, flags } of hunspell.entries) {
    if (!lowercaseWord.test(word)) continue;
    const forms = [word, ...inflect(hunspell, word, flags)];
    if (!flags.some((flag) => verbFlags.has(flag))) {
      // An infinitive entry (flag Vi: "huizen" → "huizend") is a verb form, below a noun's plural.
      const lemma = { base: word, forms, participles: [], verb: flags.includes('Vi') };
      lemmas.push(lemma);
      if (flags.some((flag) => pluralFlag.test(flag)) && !nouns.has(word)) nouns.set(word, lemma);
      continue;
    }
    for (const particle of ['', ...particles(hunspell, word, flags)]) {
      const stem = particle + word;
      const infinitive = infinitiveOf(stem, words);
      const participles = participlesOf(stem, words, entryFlags);
      const extra = [
        ...(infinitive ? [infinitive, `${infinitive}d`, `${infinitive}de`] : []),
        ...participles.flatMap((p) => [p, `${p}e`]),
      ].filter((w) => words.has(w));
      lemmas.push({
        base: infinitive ?? stem,
        forms: [...new Set([...forms.map((f) => particle + f), ...extra])],
        participles,
        verb: true,
      });
    }
  }
  // Irregular plurals are entries of their own without inflection flags.
  for (const { word, flags } of hunspell.entries) {
    if (
      !lowercaseWord.test(word) ||
      flags.some((flag) => pluralFlag.test(flag) || verbFlags.has(flag))
    )
      continue;
    const singular = irregularSingulars(word).find((candidate) => nouns.has(candidate));
    if (singular) nouns.get(singular)!.forms.push(word);
  }
  return { lemmas, words };
}
