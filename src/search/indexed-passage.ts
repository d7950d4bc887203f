// What a backend stores per passage: the passage plus its document's fields, so one query yields
// passages with all facets, and a document can be rebuilt from its passages alone. Declared once,
// each field with its schema and its kind (src/model/field-kinds.ts): the IndexedPassage schema,
// the Elasticsearch mapping (./elasticsearch/mapping.ts) and the embedded snapshot's format are
// derived from this declaration.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DocumentRecord, Entity, PassageType, Passage } from '../model/document.ts';
import type { Facet } from '../model/facets.ts';
import type { FieldKind } from '../model/field-kinds.ts';

interface FieldDeclaration {
  schema: z.ZodType;
  kind: FieldKind;
  /** A text field also kept as one whole value, for completions of it (titles). */
  wholeValue?: true;
}

const fields = {
  id: { schema: z.string(), kind: 'keyword' },
  documentId: { schema: z.string(), kind: 'keyword' },
  type: { schema: PassageType, kind: 'keyword' },
  number: { schema: Passage.shape.number, kind: 'integer' },
  questionId: { schema: z.string().nullable(), kind: 'keyword' },
  position: { schema: Passage.shape.position, kind: 'integer' },
  text: { schema: z.string(), kind: 'text' },
  language: { schema: z.string().nullable(), kind: 'keyword' },
  entities: { schema: z.array(Entity), kind: 'stored' },
  // The document's fields.
  documentNumber: { schema: z.string().nullable(), kind: 'keyword' },
  source: { schema: z.string(), kind: 'stored' },
  parliament: { schema: DocumentRecord.shape.parliament, kind: 'keyword' },
  pdfUrl: { schema: z.string().nullable(), kind: 'stored' },
  title: { schema: z.string().nullable(), kind: 'text', wholeValue: true },
  date: { schema: DocumentRecord.shape.date, kind: 'date' },
  /** Year of the date, as a whole value for the year facet and histogram. */
  year: { schema: z.number().int().nullable(), kind: 'keyword' },
  themes: { schema: z.array(z.string()), kind: 'keyword' },
  asker: { schema: z.string().nullable(), kind: 'keyword' },
  party: { schema: z.string().nullable(), kind: 'keyword' },
  minister: { schema: z.string().nullable(), kind: 'keyword' },
  ministerOffice: { schema: z.string().nullable(), kind: 'keyword' },
  // Derived from the entities, for facets and filters.
  organisations: { schema: z.array(z.string()), kind: 'keyword' },
  amounts: { schema: z.array(z.number()), kind: 'number' },
} as const satisfies Record<string, FieldDeclaration>;

export type IndexedPassageField = keyof typeof fields;
export const indexedPassageFields: Record<IndexedPassageField, FieldDeclaration> = fields;

export const IndexedPassage = z.object(
  Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema])) as {
    [F in IndexedPassageField]: (typeof fields)[F]['schema'];
  },
);
export type IndexedPassage = z.infer<typeof IndexedPassage>;

/**
 * A fingerprint of the declaration (names, kinds and JSON Schema of every field): an index stored
 * under another declaration carries another fingerprint and is refused rather than misread.
 */
export const indexedPassageFingerprint = createHash('sha256')
  .update(
    JSON.stringify(
      Object.entries(fields).map(([name, field]) => [
        name,
        field.kind,
        'wholeValue' in field,
        z.toJSONSchema(field.schema, { unrepresentable: 'any' }),
      ]),
    ),
  )
  .digest('hex')
  .slice(0, 16);

/** A facet's values in a passage, as whole values (a year as its digits). */
export function facetValues(passage: IndexedPassage, facet: Facet): string[] {
  const value = passage[facet.field];
  if (value === null) return [];
  return Array.isArray(value) ? value : [String(value)];
}

const unique = (values: string[]) => [...new Set(values)];

export function toIndexedPassages(document: DocumentRecord): IndexedPassage[] {
  return document.passages.map((passage) => ({
    id: passage.id,
    documentId: document.id,
    type: passage.type,
    number: passage.number,
    questionId: passage.questionId,
    position: passage.position,
    text: passage.text,
    language: passage.language,
    entities: passage.entities,
    documentNumber: document.number,
    source: document.source,
    parliament: document.parliament,
    pdfUrl: document.pdfUrl,
    title: document.title,
    date: document.date,
    year: document.date ? Number(document.date.slice(0, 4)) : null,
    themes: document.themes,
    asker: document.asker,
    party: document.party,
    minister: document.minister,
    ministerOffice: document.ministerOffice,
    organisations: unique(
      passage.entities.flatMap((e) => (e.type === 'organisation' ? [e.canonical] : [])),
    ),
    amounts: passage.entities.flatMap((e) => (e.type === 'amount' ? [e.value] : [])),
  }));
}

/** Rebuilds a document from its stored passages (any order). */
export function fromIndexedPassages(passages: IndexedPassage[]): DocumentRecord | null {
  const sorted = [...passages].sort((a, b) => a.position - b.position);
  const first = sorted[0];
  if (!first) return null;
  return {
    id: first.documentId,
    source: first.source,
    parliament: first.parliament,
    number: first.documentNumber,
    date: first.date,
    title: first.title,
    themes: first.themes,
    asker: first.asker,
    party: first.party,
    minister: first.minister,
    ministerOffice: first.ministerOffice,
    pdfUrl: first.pdfUrl,
    passages: sorted.map((p) => ({
      id: p.id,
      documentId: p.documentId,
      type: p.type,
      number: p.number,
      questionId: p.questionId,
      position: p.position,
      text: p.text,
      language: p.language,
      entities: p.entities,
    })),
  };
}
