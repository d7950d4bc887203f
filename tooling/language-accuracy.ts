// Measuring language detection on a labelled corpus: the NL/FR parallel corpus of the Belgian
// federal parliament (fields doc_id, text_nl, text_fr), whole texts and single sentences.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';

export interface LabelledText {
  text: string;
  language: string;
}

const ParallelRecord = z.object({
  doc_id: z.string(),
  text_nl: z.string().nullable(),
  text_fr: z.string().nullable(),
});

/** The Dutch and French texts of the parallel corpus, labelled nld and fra. */
export async function readParallelCorpus(file: string): Promise<LabelledText[]> {
  const texts: LabelledText[] = [];
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()) });
  for await (const line of lines) {
    const record = ParallelRecord.parse(JSON.parse(line));
    if (record.text_nl) texts.push({ text: record.text_nl, language: 'nld' });
    if (record.text_fr) texts.push({ text: record.text_fr, language: 'fra' });
  }
  return texts;
}

// Sentences end at . ! ? followed by a space, or glued to the next capital ("verbeteren.Het"),
// as the corpus often has them.
const sentenceEnd = /(?<=[.!?])\s+|(?<=[\p{Ll}\p{N})][.!?])(?=\p{Lu})/u;

/** The sentences of each text longer than minLength characters, with the text's label. */
export function sentencesOf(texts: LabelledText[], minLength = 20): LabelledText[] {
  return texts.flatMap(({ text, language }) =>
    text
      .split(sentenceEnd)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.length > minLength)
      .map((sentence) => ({ text: sentence, language })),
  );
}

export interface Accuracy {
  texts: number;
  correct: number;
  /** Share of texts labelled right, 0–1. */
  accuracy: number;
  msPerText: number;
  /** Counts of confusions, "nld→deu": 12. */
  errors: Record<string, number>;
}

export function measureAccuracy(
  texts: LabelledText[],
  detect: (text: string) => string | null,
): Accuracy {
  const errors: Record<string, number> = {};
  let correct = 0;
  const started = performance.now();
  for (const { text, language } of texts) {
    const detected = detect(text);
    if (detected === language) correct++;
    else errors[`${language}→${detected}`] = (errors[`${language}→${detected}`] ?? 0) + 1;
  }
  const elapsed = performance.now() - started;
  return {
    texts: texts.length,
    correct,
    accuracy: correct / texts.length,
    msPerText: elapsed / texts.length,
    errors,
  };
}
