// "Has this been asked before?": the query model of the similar-questions search, shared by both
// engines, the API and the CLI. A draft (or a document's own questions) is reduced to its most
// salient terms (./more-like-this.ts) and the passages that best match them are grouped by document.
import { z } from 'zod';
import { PassageType } from '../../model/document.ts';
import { SearchQuery } from '../query.ts';
import { HitDocumentFields } from '../search-result.ts';

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

export const SimilarPassage = z.object({
  id: z.string(),
  type: PassageType,
  number: z.number().int().nullable(),
  score: z.number(),
  highlights: z
    .array(z.string())
    .describe('Escaped HTML with <mark> around the terms it shares with the draft.'),
});
export type SimilarPassage = z.infer<typeof SimilarPassage>;

export const SimilarHit = z.object({
  ...HitDocumentFields.shape,
  score: z.number().describe("The document's best passage score."),
  answered: z.boolean().describe('Whether the document holds an answer.'),
  passages: z
    .array(SimilarPassage)
    .describe('The passages that made it similar, best first (at most 3).'),
});
export type SimilarHit = z.infer<typeof SimilarHit>;

export const SimilarResult = z.object({
  total: z
    .number()
    .int()
    .describe('Documents with at least one matching passage (within the filters).'),
  tookMs: z.number(),
  hits: z.array(SimilarHit),
});
export type SimilarResult = z.infer<typeof SimilarResult>;

/** The filters of a similar query as a search query, for the filter code search already has. */
export function filterQuery(query: SimilarQuery): SearchQuery {
  const { filters, amountMin, amountMax, dateFrom, dateTo } = query;
  return SearchQuery.parse({ filters, amountMin, amountMax, dateFrom, dateTo });
}
