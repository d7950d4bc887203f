// Accuracy and cost of language detection on the NL/FR parallel corpus: whole texts and single
// sentences longer than 20 characters, for franc alone, franc restricted to the candidate
// languages, and detectLanguage (franc restricted + function-word vote).
// Usage: npx tsx bench/language.ts
import { franc } from 'franc';
import {
  readParallelCorpus,
  sentencesOf,
  measureAccuracy,
  type LabelledText,
} from '../tooling/language-accuracy.ts';
import { candidateLanguages, detectLanguage } from '../src/language/detect.ts';
import { sharedPath } from '../tooling/shared-data.ts';

const corpus = sharedPath('corpus', 'be-parliament-2020-nl-fr.jsonl.gz');
const texts = await readParallelCorpus(corpus);
const sentences = sentencesOf(texts);

const detectors: Record<string, (text: string) => string | null> = {
  'franc, all languages': (text) => franc(text),
  'franc, nld/fra/eng/deu only': (text) => franc(text, { only: candidateLanguages }),
  detectLanguage,
};

const report = (
  set: string,
  items: LabelledText[],
  name: string,
  detect: (text: string) => string | null,
) => {
  const { accuracy, msPerText, errors, texts } = measureAccuracy(items, detect);
  const topErrors = Object.entries(errors)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([confusion, count]) => `${confusion} ${count}`)
    .join(', ');
  console.log(
    `${name.padEnd(28)} ${set.padEnd(10)} ${String(texts).padStart(7)}  ${(accuracy * 100).toFixed(2).padStart(6)}%  ` +
      `${msPerText.toFixed(3)} ms/text  ${topErrors}`,
  );
};

console.log(`${texts.length} texts, ${sentences.length} sentences > 20 characters`);
for (const [name, detect] of Object.entries(detectors)) {
  report('texts', texts, name, detect);
  report('sentences', sentences, name, detect);
}
