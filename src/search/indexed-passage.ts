// What a backend stores per passage: the passage plus its document's fields, so one query yields
// passages with all facets, and a document can be rebuilt from its passages alone.
import type { DocumentRecord, Entity, Passage } from '../model/document.ts';

export interface IndexedPassage {
  id: string;
  documentId: string;
  type: Passage['type'];
  number: number | null;
  questionId: string | null;
  position: number;
  text: string;
  language: string | null;
  entities: Entity[];
  /** Document fields. */
  documentNumber: string | null;
  source: string;
  pdfUrl: string | null;
  title: string | null;
  date: string | null;
  year: number | null;
  themes: string[];
  asker: string | null;
  party: string | null;
  minister: string | null;
  ministerOffice: string | null;
  /** Facet/filter fields derived from the entities. */
  organisations: string[];
  amounts: number[];
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
