// The shapes of what a search answers, declared once (zod): the engines build them, the API sends
// them, and the OpenAPI description is generated from them (src/api/openapi.ts).
import { z } from 'zod';
import { Entity, PassageType } from '../model/document.ts';
import { facetNames, type FacetName } from '../model/facets.ts';
import { IndexedPassage } from './indexed-passage.ts';
import { suggestionKinds } from './rules.ts';

/** The document fields every hit carries: a search hit and a similar document alike. */
export const hitDocumentFieldNames = [
  'documentId',
  'parliament',
  'title',
  'date',
  'themes',
  'asker',
  'party',
  'minister',
] as const;
type HitDocumentFieldName = (typeof hitDocumentFieldNames)[number];

export const HitDocumentFields = IndexedPassage.pick(
  Object.fromEntries(hitDocumentFieldNames.map((name) => [name, true])) as Record<
    HitDocumentFieldName,
    true
  >,
);
export type HitDocumentFields = z.infer<typeof HitDocumentFields>;

/**
 * A hit's document fields, from any of the document's stored passages. Written out rather than
 * built from hitDocumentFieldNames: Object.fromEntries walks an iterator and allocates a pair per
 * field, which was half the cost of shaping an Elasticsearch answer; the type checks that the
 * literal names every field.
 */
export const hitDocumentFields = (passage: HitDocumentFields): HitDocumentFields => ({
  documentId: passage.documentId,
  parliament: passage.parliament,
  title: passage.title,
  date: passage.date,
  themes: passage.themes,
  asker: passage.asker,
  party: passage.party,
  minister: passage.minister,
});

export const SearchHit = z.object({
  id: z.string(),
  type: PassageType,
  number: z.number().int().nullable(),
  ...HitDocumentFields.shape,
  score: z.number().nullable(),
  highlights: z
    .array(z.string())
    .describe('Escaped HTML with <mark> around the matches; at most three fragments.'),
  titleHighlight: z
    .string()
    .optional()
    .describe(
      'Escaped HTML: the whole title with <mark> around the matches; absent when none matched.',
    ),
  /** Organisations and amounts found in the passage. */
  entities: z.array(Entity),
  matchingPassages: z
    .number()
    .int()
    .optional()
    .describe('With groupBy=document: how many passages of this document match.'),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCount>;

/** One property per facet of the facet table (src/model/facets.ts). */
const perFacet = <S extends z.ZodType>(schema: S) =>
  z.object(Object.fromEntries(facetNames.map((name) => [name, schema])) as Record<FacetName, S>);

export const RelaxedWord = z.object({
  /** As typed. */
  word: z.string(),
  /** Unknown to the index: matched by the indexed words within `distance` edits of `exact`. */
  fuzzy: z.object({ exact: z.string(), distance: z.number().int() }).nullable(),
});
/** One word of a relaxed query and how it is matched. */
export type RelaxedWord = z.infer<typeof RelaxedWord>;

export const Relaxation = z
  .object({
    kind: z.enum(['fuzzy', 'across-passages', 'some-words']),
    words: z.array(RelaxedWord),
    /** How many of the words each hit (each document, for across-passages) holds at least. */
    minimumShouldMatch: z.number().int(),
  })
  .describe(
    'Present when no passage held every word of a plain-word query and it ran looser: `fuzzy` (words unknown to the index matched the indexed words within AUTO edits of the word as written), `across-passages` (groupBy=document: a document whose passages together hold every word), `some-words` (at least `minimumShouldMatch` of the words, ranked).',
  );
/** How a result was relaxed (absent: every word matched strictly). */
export type Relaxation = z.infer<typeof Relaxation>;

export const WordSuggestion = z.object({
  word: z.string(),
  replacement: z.string(),
  query: z.string().describe('The query with this word replaced.'),
});
export type WordSuggestion = z.infer<typeof WordSuggestion>;

export const SearchResult = z.object({
  total: z.number().int(),
  tookMs: z.number(),
  hits: z.array(SearchHit),
  facets: perFacet(z.array(FacetCount)).describe(
    'Disjunctive counts (each facet with every filter but its own) of passages, or of documents with groupBy=document.',
  ),
  facetTotals: perFacet(z.number().int()).describe(
    'How many distinct values each facet has under the same filters.',
  ),
  histogram: z
    .array(z.object({ year: z.number().int(), count: z.number().int() }))
    .describe('Matches per year, ascending (same filters as `facets.year`).'),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `after` for the next page; null on the last.'),
  relaxed: Relaxation.optional(),
  suggestions: z
    .array(WordSuggestion)
    .optional()
    .describe('Did you mean: the nearest indexed word for each query word the index lacks.'),
  stopwordsOnly: z
    .array(z.string())
    .optional()
    .describe('Present when the query holds only stopwords (not searched): those words.'),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** A completion of what the user has typed: a value of one of the suggested columns. */
export const Suggestion = z.object({ value: z.string(), kind: z.enum(suggestionKinds) });
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestResult = z.object({ suggestions: z.array(Suggestion) });
export type SuggestResult = z.infer<typeof SuggestResult>;
