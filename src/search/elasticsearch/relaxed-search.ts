// The Elasticsearch side of relaxed matching and "did you mean" (../relaxed-matching.ts decides
// the stages for both engines). Only after a strict search found too little: one request counts
// each word over the whole index (a filters aggregation) and asks the term suggester on
// `text.exact` for corrections; then each stage runs as a bool query of one clause per word with
// minimum_should_match, the unknown words as fuzzy queries on the unstemmed subfields.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { Cursor } from '../cursor.ts';
import type { SearchQuery, SearchResult } from '../query.ts';
import {
  RELAX_WHEN_FEWER_THAN,
  relaxableWords,
  relaxationStages,
  stopwordsOnly,
  wordQueries,
  wordSuggestions,
  type Relaxation,
  type RelaxedWord,
} from '../relaxed-matching.ts';
import { FUZZY_MAX_EXPANSIONS, textFieldBoosts, textFieldNames } from '../rules.ts';
import { exactSuffix } from './fields.ts';
import { buildSearchRequest, textQuery } from './search-request.ts';
import { toSearchResult, type StoredHit } from './search-response.ts';
import { requireAllShards } from './unavailable.ts';

/** The term suggester's defaults, written out (as the embedded engine's term-suggestions.ts). */
const TERM_SUGGESTER = {
  field: `text${exactSuffix}`,
  suggest_mode: 'always',
  max_edits: 2,
  prefix_length: 1,
  min_word_length: 4,
  accuracy: 0.5,
  sort: 'score',
  string_distance: 'internal',
  size: 5,
} as const;

/** Documents gathered per word for a match across passages (one terms aggregation). */
const ACROSS_PASSAGES_MAX_DOCUMENTS = 10_000;

const exactFields = textFieldNames.map((field) => {
  const boost = textFieldBoosts[field];
  return `${field}${exactSuffix}${boost === 1 ? '' : `^${boost}`}`;
});

/** `text`: the word's query with its alternatives (wordQueries). */
function wordClause(word: RelaxedWord, text: string): estypes.QueryDslQueryContainer {
  if (!word.fuzzy) return textQuery(text);
  return {
    multi_match: {
      query: word.fuzzy.exact,
      fields: exactFields,
      type: 'most_fields',
      fuzziness: word.fuzzy.distance,
      prefix_length: 0,
      max_expansions: FUZZY_MAX_EXPANSIONS,
    },
  };
}

const key = (i: number) => `w${i}`;

interface WordStats {
  unknown: Set<string>;
  corrections: Map<string, string>;
}

async function wordStats(client: Client, index: string, words: string[]): Promise<WordStats> {
  const response = await client.search({
    index,
    size: 0,
    aggs: {
      words: {
        filters: {
          filters: Object.fromEntries(
            wordQueries(words).map((text, i) => [key(i), textQuery(text)]),
          ),
        },
      },
    },
    suggest: Object.fromEntries(
      words.map((word, i) => [key(i), { text: word, term: { ...TERM_SUGGESTER } }]),
    ),
  });
  requireAllShards(response);
  const buckets = (response.aggregations?.words as estypes.AggregationsFiltersAggregate)
    .buckets as Record<string, { doc_count: number }>;
  const unknown = new Set(words.filter((_, i) => (buckets[key(i)]?.doc_count ?? 0) === 0));
  const corrections = new Map<string, string>();
  words.forEach((word, i) => {
    const options = response.suggest?.[key(i)]?.[0]?.options;
    const best = Array.isArray(options) ? options[0] : undefined;
    if (best && 'freq' in best) corrections.set(word, best.text);
  });
  return { unknown, corrections };
}

/** Documents whose passages together match every clause (narrowed word by word). */
async function documentsHoldingAll(
  client: Client,
  index: string,
  clauses: estypes.QueryDslQueryContainer[],
): Promise<string[]> {
  let documents: string[] | null = null;
  for (const clause of clauses) {
    const filter: estypes.QueryDslQueryContainer[] = [clause];
    if (documents) filter.push({ terms: { documentId: documents } });
    const response = await client.search({
      index,
      size: 0,
      query: { bool: { filter } },
      aggs: { documents: { terms: { field: 'documentId', size: ACROSS_PASSAGES_MAX_DOCUMENTS } } },
    });
    requireAllShards(response);
    const terms = response.aggregations?.documents as estypes.AggregationsStringTermsAggregate;
    documents = (terms.buckets as estypes.AggregationsStringTermsBucket[]).map((b) =>
      String(b.key),
    );
    if (documents.length === 0) break;
  }
  return documents ?? [];
}

async function stageQuery(
  client: Client,
  index: string,
  stage: Relaxation,
): Promise<estypes.QueryDslQueryContainer> {
  const texts = wordQueries(stage.words.map((w) => w.word));
  const clauses = stage.words.map((word, i) => wordClause(word, texts[i]!));
  if (stage.kind !== 'across-passages')
    return { bool: { should: clauses, minimum_should_match: stage.minimumShouldMatch } };
  const documents = await documentsHoldingAll(client, index, clauses);
  return {
    bool: {
      should: clauses,
      minimum_should_match: 1,
      filter: [{ terms: { documentId: documents } }],
    },
  };
}

/**
 * The strict result as it is when it found enough; otherwise the first relaxed stage that finds
 * something, with the corrections for unknown words (or the stopwords of a stopword-only query).
 */
export async function relaxWhenTooFew(
  client: Client,
  index: string,
  query: SearchQuery,
  cursor: Cursor | null,
  strict: SearchResult,
): Promise<SearchResult> {
  if (strict.total >= RELAX_WHEN_FEWER_THAN) return strict;
  const stopwords = stopwordsOnly(query.q);
  if (stopwords) return { ...strict, stopwordsOnly: stopwords };
  const words = relaxableWords(query.q);
  if (!words) return strict;
  const { unknown, corrections } = await wordStats(client, index, words);
  const suggestions = wordSuggestions(query.q, unknown, (word) => corrections.get(word) ?? null);
  for (const stage of relaxationStages(words, unknown, query.groupBy === 'document')) {
    const request = buildSearchRequest(
      index,
      query,
      cursor,
      await stageQuery(client, index, stage),
    );
    const response = await client.search<StoredHit>(request);
    requireAllShards(response);
    const relaxed = toSearchResult(response, query, cursor ? cursor.seen : (request.from ?? 0));
    if (relaxed.total >= RELAX_WHEN_FEWER_THAN) return { ...relaxed, relaxed: stage, suggestions };
  }
  return { ...strict, suggestions };
}
