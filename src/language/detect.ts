// Language of a passage as an ISO 639-3 code: franc's trigram scores, restricted to the languages
// Belgian parliamentary texts are written in, plus a vote of function words that only one of them
// uses. Measured with bench/language.ts on the NL/FR parallel corpus. franc's trigram pass is most
// of the cost, so it runs only when the function words alone cannot settle the vote (see below).
import { francAll } from 'franc';
import { functionWords } from './function-words.ts';

/** The languages passages are written in; restricting franc to them avoids Dutch → Afrikaans. */
export const candidateLanguages = ['nld', 'fra', 'eng', 'deu'];

/** Below this many characters franc does not guess (its own default). */
const minLength = 10;
/** franc reads only the first 2048 characters; the function-word vote reads the same. */
const maxLength = 2048;
/** Weight of the function-word evidence against franc's score (1 for the best language). */
const functionWordWeight = 1;

const languagesOfWord = new Map<string, string[]>();
for (const [language, words] of Object.entries(functionWords)) {
  for (const word of words)
    languagesOfWord.set(word, [...(languagesOfWord.get(word) ?? []), language]);
}
const uniqueLanguageOfWord = new Map(
  [...languagesOfWord].flatMap(([word, languages]) =>
    languages.length === 1 ? [[word, languages[0] ?? '']] : [],
  ),
);

// French elision ("l'école", "qu'il", "d’une") is a French function word of its own.
const frenchElision = /^(?:l|d|qu|n|s|c|j)['’](?=\p{L})/u;
// Words for counting only (a regular expression is several times faster than Intl.Segmenter).
const word = /\p{L}+(?:['’]\p{L}+)*/gu;

function functionWordCounts(text: string): { counts: Map<string, number>; words: number } {
  const counts = new Map<string, number>();
  let words = 0;
  for (const [segment] of text.toLowerCase().matchAll(word)) {
    words++;
    const elided = frenchElision.exec(segment);
    const language = uniqueLanguageOfWord.get(elided ? segment.slice(elided[0].length) : segment);
    if (elided) counts.set('fra', (counts.get('fra') ?? 0) + 1);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  return { counts, words };
}

// ASCII letters are in franc's Latin script; when they are more than half the sample, Latin is
// franc's top script, so it scores all four candidates (each between 0 and 1) and never says "und".
const asciiLetter = /[A-Za-z]/g;
const mostlyLatin = (sample: string) =>
  (sample.match(asciiLetter)?.length ?? 0) * 2 > sample.length;
/** More than franc's widest spread (1), with room for rounding in its normalisation. */
const decisiveLead = 1.05;

/**
 * The language the vote elects whatever franc's scores are, or null when they could change it:
 * with every trigram score between 0 and 1, a function-word lead of more than 1 cannot be overturned.
 */
function decidedByFunctionWords(counts: Map<string, number>, norm: number): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let secondCount = 0;
  for (const language of candidateLanguages) {
    const count = counts.get(language) ?? 0;
    if (count > bestCount) {
      secondCount = bestCount;
      best = language;
      bestCount = count;
    } else if (count > secondCount) secondCount = count;
  }
  return (functionWordWeight * (bestCount - secondCount)) / norm > decisiveLead ? best : null;
}

/** ISO 639-3 code ('nld', 'fra', 'eng', 'deu') or null when too short or undetermined. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, maxLength);
  if (sample.length < minLength) return null;
  const { counts, words } = functionWordCounts(sample);
  // Counts are scaled by √words so that a long text's trigram evidence keeps its weight.
  const norm = Math.sqrt(Math.max(words, 1));
  if (mostlyLatin(sample)) {
    const decided = decidedByFunctionWords(counts, norm);
    if (decided !== null) return decided;
  }
  const scores = francAll(sample, { only: candidateLanguages, minLength });
  if (scores[0]?.[0] === 'und') return null;
  let best: string | null = null;
  let bestScore = -Infinity;
  for (const [language, score] of scores) {
    const combined = score + (functionWordWeight * (counts.get(language) ?? 0)) / norm;
    if (combined > bestScore) {
      best = language;
      bestScore = combined;
    }
  }
  return best;
}
