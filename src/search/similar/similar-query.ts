// "Has this been asked before?": the query model of the similar-questions search, shared by both
// engines, the API and the CLI. A draft (or a document's own questions) is reduced to its most
// salient terms (./more-like-this.ts) and the passages that best match them are grouped by document.
import { z } from 'zod';
import type { PassageType } from '../../model/document.ts';
import type { IndexedPassage } from '../indexed-passage.ts';
import { SearchQuery, type SearchHit } from '../query.ts';

/** A draft of a few pages at most; longer input is refused, not silently cut. */
export const MAX_SIMILAR_TEXT_LENGTH = 20_000;
export const MAX_SIMILAR_DOCUMENTS = 50;
/** Passages shown per similar document: the ones that made it similar, best first. */
export const PASSAGES_PER_DOCUMENT = 3;

export const SimilarQuery = z.object({
  text: z.string().trim().min(1).max(MAX_SIMILAR_TEXT_LENGTH),
  /** Leaves this document out (asking for documents like a document). */
  excludeDocument: z.string().min(1).max(500).optional(),
  filters: SearchQuery.shape.filters,
  amountMin: SearchQuery.shape.amountMin,
  amountMax: SearchQuery.shape.amountMax,
  dateFrom: SearchQuery.shape.dateFrom,
  dateTo: SearchQuery.shape.dateTo,
  size: z.number().int().min(1).max(MAX_SIMILAR_DOCUMENTS).default(10),
});
export type SimilarQuery = z.infer<typeof SimilarQuery>;
export type SimilarQueryInput = z.input<typeof SimilarQuery>;

export interface SimilarPassage {
  id: string;
  type: PassageType;
  number: number | null;
  score: number;
  /** HTML: escaped text with <mark> around the salient terms it shares with the draft. */
  highlights: string[];
}

export interface SimilarHit extends Pick<
  SearchHit,
  'documentId' | 'title' | 'date' | 'themes' | 'asker' | 'party' | 'minister'
> {
  /** The score of the document's best passage. */
  score: number;
  /** Whether the document holds an answer. */
  answered: boolean;
  passages: SimilarPassage[];
}

export interface SimilarResult {
  /** Documents with at least one matching passage (within the filters). */
  total: number;
  tookMs: number;
  hits: SimilarHit[];
}

/** The filters of a similar query as a search query, for the filter code search already has. */
export function filterQuery(query: SimilarQuery): SearchQuery {
  const { filters, amountMin, amountMax, dateFrom, dateTo } = query;
  return SearchQuery.parse({ filters, amountMin, amountMax, dateFrom, dateTo });
}

export const documentFieldNames = [
  'documentId',
  'title',
  'date',
  'themes',
  'asker',
  'party',
  'minister',
] as const satisfies (keyof IndexedPassage & keyof SimilarHit)[];
export type DocumentFields = Pick<IndexedPassage, (typeof documentFieldNames)[number]>;

/** The document's fields of a hit, from any of its stored passages. */
export function documentFields(passage: DocumentFields): DocumentFields {
  const { documentId, title, date, themes, asker, party, minister } = passage;
  return { documentId, title, date, themes, asker, party, minister };
}
