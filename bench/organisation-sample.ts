// The organisations a reader sees in 207 passages of the seeds and the dekamer corpus, annotated by
// hand (tests/entities/organisations-sample.jsonl: per passage, each organisation with the
// spellings it has there), against the organisation entities the pipeline gives those passages.
// An annotated organisation is found when an entity's text or canonical name (or the full name
// or acronym inside a canonical "Name (ACR)") is one of its spellings, ignoring case, diacritics
// and legal form. A false positive is a distinct canonical name that matches no annotation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { organisationKey } from '../src/entities/organisation-names.ts';
import type { Passage } from '../src/model/document.ts';

export const samplePath = path.resolve(
  import.meta.dirname,
  '../tests/entities/organisations-sample.jsonl',
);

const Annotation = z.object({
  passage: z.string(),
  organisations: z.array(z.array(z.string()).min(1)),
});
export type Annotation = z.infer<typeof Annotation>;

export const readSample = (): Annotation[] =>
  readFileSync(samplePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => Annotation.parse(JSON.parse(line)));

export interface SampleScore {
  passages: number;
  annotated: number;
  found: number;
  /** Distinct canonical names that match no annotated organisation, with their passage. */
  falsePositives: { passage: string; name: string }[];
  /** Annotated organisations no entity matched. */
  missed: { passage: string; name: string }[];
  /** Annotated organisations that got more than one canonical name in the passage. */
  unmerged: { passage: string; names: string[] }[];
  precision: number;
  recall: number;
}

function keysOf(entity: { text: string; canonical: string }): string[] {
  const inner = /^(?<name>.+) \((?<acronym>[^()]+)\)$/u.exec(entity.canonical)?.groups;
  return [entity.text, entity.canonical, inner?.name ?? '', inner?.acronym ?? '']
    .filter(Boolean)
    .map(organisationKey);
}

export function scoreSample(
  annotations: Annotation[],
  passages: Map<string, Passage>,
): SampleScore {
  const score: SampleScore = {
    passages: annotations.length,
    annotated: 0,
    found: 0,
    falsePositives: [],
    missed: [],
    unmerged: [],
    precision: 0,
    recall: 0,
  };
  let predicted = 0;
  for (const { passage: id, organisations } of annotations) {
    const passage = passages.get(id);
    if (!passage) throw new Error(`annotated passage ${id} is not in the corpus`);
    const entities = passage.entities.flatMap((e) => (e.type === 'organisation' ? [e] : []));
    const wanted = organisations.map((spellings) => new Set(spellings.map(organisationKey)));
    const canonicalsOf = wanted.map(() => new Set<string>());
    const unmatched = new Set<string>();
    for (const entity of entities) {
      const keys = keysOf(entity);
      const index = wanted.findIndex((spellings) => keys.some((key) => spellings.has(key)));
      if (index === -1) unmatched.add(entity.canonical);
      else canonicalsOf[index]!.add(entity.canonical);
    }
    score.annotated += organisations.length;
    organisations.forEach((spellings, i) => {
      const names = [...canonicalsOf[i]!];
      if (names.length) score.found++;
      else score.missed.push({ passage: id, name: spellings[0]! });
      if (names.length > 1) score.unmerged.push({ passage: id, names });
    });
    predicted += canonicalsOf.filter((names) => names.size).length + unmatched.size;
    for (const name of unmatched) score.falsePositives.push({ passage: id, name });
  }
  score.precision = predicted ? (predicted - score.falsePositives.length) / predicted : 0;
  score.recall = score.annotated ? score.found / score.annotated : 0;
  return score;
}
