// The similar-questions search on Elasticsearch: a more_like_this query over text and title with
// the project's analyzer and the settings of ../similar/more-like-this.ts, the search's filters,
// and a collapse on the document whose inner hits are the passages that made it similar.
// The highlighter cannot see inside more_like_this, so the salient terms are also selected here
// (../similar/more-like-this.ts, from the index's term statistics) to mark them in the passages.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { PassageType } from '../../model/document.ts';
import type { IndexedPassage } from '../indexed-passage.ts';
import {
  LIKE_ANALYZER,
  moreLikeThis,
  salientTerms,
  similarFields,
  type SalientTerm,
} from '../similar/more-like-this.ts';
import {
  hitDocumentFieldNames,
  hitDocumentFields,
  type HitDocumentFields,
} from '../search-result.ts';
import {
  filterQuery,
  PASSAGES_PER_DOCUMENT,
  type SimilarHit,
  type SimilarQuery,
  type SimilarResult,
} from '../similar/similar-query.ts';
import { facetFilters, highlight, rangeFilters } from './search-request.ts';
import { orNothing, requireAllShards } from './unavailable.ts';

const PASSAGES = 'passages';
const DOCUMENTS = 'documents';
const ANSWERED = 'answered';

type PassageFields = Pick<IndexedPassage, 'id' | 'type' | 'number'>;

export function buildSimilarRequest(
  index: string,
  query: SimilarQuery,
  terms: SalientTerm[],
): estypes.SearchRequest {
  const marked = terms.filter((t) => t.field === 'text').map((t) => ({ term: { text: t.term } }));
  const filters = filterQuery(query);
  const byScore: estypes.SortCombinations[] = [{ _score: { order: 'desc' } }, { id: 'asc' }];
  return {
    index,
    size: query.size,
    track_total_hits: false,
    query: {
      bool: {
        must: [
          {
            more_like_this: {
              fields: [...similarFields],
              like: query.text,
              analyzer: LIKE_ANALYZER,
              max_query_terms: moreLikeThis.maxQueryTerms,
              min_term_freq: moreLikeThis.minTermFreq,
              min_doc_freq: moreLikeThis.minDocFreq,
              minimum_should_match: moreLikeThis.minimumShouldMatch,
            },
          },
        ],
        filter: [...rangeFilters(filters), ...facetFilters(filters).values()],
        must_not: query.excludeDocument ? [{ term: { documentId: query.excludeDocument } }] : [],
      },
    },
    sort: byScore,
    _source: { includes: [...hitDocumentFieldNames] },
    collapse: {
      field: 'documentId',
      inner_hits: {
        name: PASSAGES,
        size: PASSAGES_PER_DOCUMENT,
        sort: byScore,
        track_scores: true,
        _source: { includes: ['id', 'type', 'number'] },
        highlight: { ...highlight, highlight_query: { bool: { should: marked } } },
      },
    },
    aggs: {
      [DOCUMENTS]: { cardinality: { field: 'documentId', precision_threshold: 40_000 } },
    },
  };
}

/** The draft's salient terms, from the index's document frequencies (one term-vectors call). */
async function salientTermsOf(client: Client, index: string, text: string): Promise<SalientTerm[]> {
  const [vectors, counted] = await Promise.all([
    client.termvectors({
      index,
      doc: { text, title: text },
      fields: [...similarFields],
      term_statistics: true,
      field_statistics: false,
      positions: false,
      offsets: false,
      payloads: false,
    }),
    client.count({ index }),
  ]);
  return salientTerms(text, {
    passageCount: counted.count,
    documentFrequency: (field, term) => vectors.term_vectors?.[field]?.terms[term]?.doc_freq ?? 0,
  });
}

/** Which of the given documents hold an answer passage. */
async function answeredDocuments(
  client: Client,
  index: string,
  documentIds: string[],
): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const response = await client.search({
    index,
    size: 0,
    query: {
      bool: { filter: [{ terms: { documentId: documentIds } }, { term: { type: 'answer' } }] },
    },
    aggs: { [ANSWERED]: { terms: { field: 'documentId', size: documentIds.length } } },
  });
  const buckets =
    (response.aggregations?.[ANSWERED] as { buckets?: { key: string }[] } | undefined)?.buckets ??
    [];
  return new Set(buckets.map((bucket) => String(bucket.key)));
}

export async function runSimilarQuery(
  client: Client,
  index: string,
  query: SimilarQuery,
): Promise<SimilarResult> {
  const terms = await orNothing(salientTermsOf(client, index, query.text));
  if (!terms) return { total: 0, tookMs: 0, hits: [] };
  const response = await client.search<HitDocumentFields>(buildSimilarRequest(index, query, terms));
  requireAllShards(response);
  const documents = response.hits.hits.flatMap((hit) => (hit._source ? [hit] : []));
  const answered = await answeredDocuments(
    client,
    index,
    documents.map((hit) => hit._source!.documentId),
  );
  const count = response.aggregations?.[DOCUMENTS] as { value?: number } | undefined;
  return {
    total: count?.value ?? 0,
    tookMs: response.took,
    hits: documents.map((hit) => toHit(hit, answered)),
  };
}

function toHit(hit: estypes.SearchHit<HitDocumentFields>, answered: Set<string>): SimilarHit {
  const source = hit._source!;
  const passages = hit.inner_hits?.[PASSAGES]?.hits.hits ?? [];
  return {
    ...hitDocumentFields(source),
    score: hit._score ?? 0,
    answered: answered.has(source.documentId),
    passages: passages.map((inner) => {
      const fields = inner._source as PassageFields;
      return {
        id: fields.id,
        type: fields.type as PassageType,
        number: fields.number,
        score: inner._score ?? 0,
        highlights: inner.highlight?.text ?? [],
      };
    }),
  };
}
