// A document as a source adapter produces it: metadata plus passages that still need their ids,
// language and entities (see complete-document.ts).
import type { DocumentRecord, PassageType } from '../model/document.ts';

export interface DraftPassage {
  type: PassageType;
  number: number | null;
  text: string;
}

export type DraftDocument = Omit<DocumentRecord, 'passages'> & { passages: DraftPassage[] };

/** What a source yields: a document, or the reason one file (or line of a file) could not be read. */
export type SourceResult =
  { ok: true; draft: DraftDocument } | { ok: false; file: string; reason: string };
