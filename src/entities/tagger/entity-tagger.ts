// The statistical entity tagger: organisations, people and places (and MISC, which nothing uses)
// found by the model in src/entities/data/entity-model.json, loaded on first use.
import { readFileSync } from 'node:fs';
import { spansOf, tagDocument } from './decode.ts';
import { LinearModel, ModelFile } from './linear-model.ts';
import { projectPath } from '../../project-files.ts';
import { sentences, tokenize } from './tokens.ts';

export const modelPath = projectPath('src', 'entities', 'data', 'entity-model.json');

let model: LinearModel | undefined;
export function loadedModel(): LinearModel {
  model ??= LinearModel.fromFile(ModelFile.parse(JSON.parse(readFileSync(modelPath, 'utf8'))));
  return model;
}

export interface TaggedSpan {
  type: 'ORG' | 'PER' | 'LOC' | 'MISC';
  text: string;
  start: number;
  end: number;
  /** The smallest decision margin over the span's words: low means unsure. */
  margin: number;
  /** The span opens its sentence (its capital may just be the sentence's). */
  sentenceInitial: boolean;
}

export function tagSpans(text: string): TaggedSpan[] {
  const found: TaggedSpan[] = [];
  const passageSentences = sentences(text, tokenize(text));
  const tagged = tagDocument(
    loadedModel(),
    passageSentences.map((sentence) => sentence.map((token) => token.text)),
  );
  passageSentences.forEach((sentence, s) => {
    const words = tagged[s]!;
    for (const span of spansOf(words.map((t) => t.label))) {
      // Punctuation at either end ("Voka –") is not part of a name.
      while (span.end > span.start && !/[\p{L}\p{N}]/u.test(sentence[span.end - 1]!.text))
        span.end--;
      while (span.start < span.end && !/[\p{L}\p{N}]/u.test(sentence[span.start]!.text))
        span.start++;
      if (span.start === span.end) continue;
      const start = sentence[span.start]!.start;
      const end = sentence[span.end - 1]!.end;
      found.push({
        type: span.type as TaggedSpan['type'],
        text: text.slice(start, end),
        start,
        end,
        margin: Math.min(...words.slice(span.start, span.end).map((t) => t.margin)),
        sentenceInitial: span.start === 0,
      });
    }
  });
  return found;
}
