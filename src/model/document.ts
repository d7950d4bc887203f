// The data contract between the ingestion pipeline and the search backends.
// Every source adapter produces DocumentRecords; every backend indexes and returns them.
import { z } from 'zod';
import { passageTypes } from './passage-types.ts';

export const PassageType = z.enum(passageTypes);
export type PassageType = z.infer<typeof PassageType>;

const span = {
  /** The entity's text as it stands in the passage. */
  text: z.string(),
  /** Character offsets into the passage text: text === passage.text.slice(start, end). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};

export const AmountEntity = z.object({
  type: z.literal('amount'),
  ...span,
  /** Value in euro. */
  value: z.number(),
  vat: z.enum(['incl', 'excl']).nullable(),
});

export const OrganisationEntity = z.object({
  type: z.literal('organisation'),
  ...span,
  /** One name for all spellings: acronym and full name joined, e.g. "Agentschap Innoveren en Ondernemen (VLAIO)". */
  canonical: z.string(),
});

export const PersonEntity = z.object({
  type: z.literal('person'),
  ...span,
  canonical: z.string(),
});

export const PlaceEntity = z.object({
  type: z.literal('place'),
  ...span,
  canonical: z.string(),
  kind: z.enum(['province', 'municipality', 'region', 'country']),
});

export const Entity = z.discriminatedUnion('type', [
  AmountEntity,
  OrganisationEntity,
  PersonEntity,
  PlaceEntity,
]);
export type Entity = z.infer<typeof Entity>;
export type AmountEntity = z.infer<typeof AmountEntity>;
export type OrganisationEntity = z.infer<typeof OrganisationEntity>;

export const Passage = z.object({
  /** Stable: `${documentId}:${type}:${number ?? ordinal}`, so re-indexing overwrites instead of duplicating. */
  id: z.string(),
  documentId: z.string(),
  type: PassageType,
  /** Question/answer number; null for context and annex. */
  number: z.number().int().nullable(),
  /** For an answer: the id of the question it answers (same number), when that question exists. */
  questionId: z.string().nullable(),
  /** Order of the passage within its document, from 0. */
  position: z.number().int().nonnegative(),
  text: z.string(),
  /** ISO 639-3 code from language detection ('nld', 'fra', …), null when undetermined. */
  language: z.string().nullable(),
  entities: z.array(Entity),
});
export type Passage = z.infer<typeof Passage>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DocumentRecord = z.object({
  /** Stable across runs: derived from the source's own identity, never from a counter. */
  id: z.string(),
  /** Path or URL the document came from. */
  source: z.string(),
  /** The parliament the question was asked in, by name (src/pipeline/parliaments.ts). */
  parliament: z.string(),
  /** Question number as printed ("1033"). */
  number: z.string().nullable(),
  /** Date of the question, YYYY-MM-DD. */
  date: isoDate.nullable(),
  title: z.string().nullable(),
  themes: z.array(z.string()),
  asker: z.string().nullable(),
  party: z.string().nullable(),
  /** The answering minister (a person); null when only the office is known. */
  minister: z.string().nullable(),
  ministerOffice: z.string().nullable(),
  /** Link to the published PDF, when known. */
  pdfUrl: z.string().nullable(),
  passages: z.array(Passage),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;
