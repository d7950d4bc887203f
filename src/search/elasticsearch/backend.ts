// The Elasticsearch implementation of SearchBackend: one ES document per passage, behind an alias.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { DocumentRecord } from '../../model/document.ts';
import type {
  BackendStats,
  IndexOptions,
  IndexReport,
  SearchBackend,
  Suggestion,
} from '../backend.ts';
import { fromIndexedPassages, type IndexedPassage } from '../indexed-passage.ts';
import type { SearchHit, SearchQuery, SearchResult } from '../query.ts';
import { scanWithCursor } from '../scan.ts';
import { bulkIndex } from './bulk-index.ts';
import { decodeCursor } from '../cursor.ts';
import { PassageIndices } from './passage-indices.ts';
import { QueryTimeoutError } from '../query-bounds.ts';
import { relaxWhenTooFew } from './relaxed-search.ts';
import { buildSearchRequest } from './search-request.ts';
import { runSimilarQuery } from './similar.ts';
import type { SimilarQuery, SimilarResult } from '../similar/similar-query.ts';
import { emptySearchResult, toSearchResult, type StoredHit } from './search-response.ts';
import { suggestionRequest, toSuggestions } from './suggest.ts';
import { guarded, orNothing, requireAllShards } from './unavailable.ts';

/** A document's passages fit in one page: documents hold a few dozen passages at most. */
const MAX_PASSAGES_PER_DOCUMENT = 10_000;
const DOCUMENT_IDS_PER_PAGE = 10_000;

export interface ElasticsearchBackendOptions {
  client: Client;
  /**
   * The alias searches go through (default "vraagbaak-passages"), so several indexes (tests,
   * staging) can share a cluster: "vraagbaak-passages-<name>".
   */
  alias?: string;
}

export class ElasticsearchBackend implements SearchBackend {
  readonly name = 'elasticsearch';
  private readonly client: Client;
  private readonly indices: PassageIndices;

  constructor(options: ElasticsearchBackendOptions) {
    this.client = options.client;
    this.indices = new PassageIndices(this.client, options.alias);
  }

  get alias(): string {
    return this.indices.alias;
  }

  index(
    documents: AsyncIterable<DocumentRecord>,
    options: IndexOptions = {},
  ): Promise<IndexReport> {
    return guarded(async () => {
      if (options.mode !== 'rebuild') {
        const live = await this.indices.liveOrCreate();
        return bulkIndex(this.client, live, documents, { ...options, pruneStale: true });
      }
      const fresh = await this.indices.create({ building: true });
      try {
        const report = await bulkIndex(this.client, fresh, documents, {
          ...options,
          pruneStale: false,
        });
        await this.indices.finishBuilding(fresh);
        await this.indices.swapTo(fresh);
        return report;
      } catch (error) {
        // The half-built index was never visible; drop it (best effort: the node may be gone).
        await this.indices.remove([fresh]).catch(() => undefined);
        throw error;
      }
    });
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return guarded(async () => {
      const cursor = query.after ? decodeCursor(query.after, query) : null;
      const request = buildSearchRequest(this.alias, query, cursor);
      const response = await orNothing(this.client.search<StoredHit>(request));
      if (!response) return emptySearchResult();
      requireAllShards(response);
      if (response.timed_out) throw new QueryTimeoutError();
      const strict = toSearchResult(response, query, cursor ? cursor.seen : (request.from ?? 0));
      return relaxWhenTooFew(this.client, this.alias, query, cursor, strict);
    });
  }

  similar(query: SimilarQuery): Promise<SimilarResult> {
    return guarded(() => runSimilarQuery(this.client, this.alias, query));
  }

  /** Pages through search_after: each page is one request, the node does the work. */
  scan(query: SearchQuery): AsyncIterable<SearchHit[]> {
    return scanWithCursor((q) => this.search(q), query);
  }

  getDocument(id: string): Promise<DocumentRecord | null> {
    return guarded(async () => {
      const response = await orNothing(
        this.client.search<IndexedPassage>({
          index: this.alias,
          size: MAX_PASSAGES_PER_DOCUMENT,
          query: { term: { documentId: id } },
          sort: [{ position: 'asc' }],
        }),
      );
      return fromIndexedPassages(
        (response?.hits.hits ?? []).flatMap((hit) => (hit._source ? [hit._source] : [])),
      );
    });
  }

  suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    return guarded(async () => {
      const response = await orNothing(
        this.client.search(suggestionRequest(this.alias, prefix, limit)),
      );
      return response ? toSuggestions(response, limit) : [];
    });
  }

  stats(): Promise<BackendStats> {
    return guarded(async () => {
      const counted = await orNothing(this.client.count({ index: this.alias }));
      if (!counted) return { documents: 0, passages: 0 };
      return { documents: await this.countDocuments(), passages: counted.count };
    });
  }

  /** Exact number of distinct documents: pages through a composite aggregation of documentId. */
  private async countDocuments(): Promise<number> {
    let documents = 0;
    let after: Record<string, estypes.FieldValue> | undefined;
    do {
      const response = await this.client.search({
        index: this.alias,
        size: 0,
        aggs: {
          ids: {
            composite: {
              size: DOCUMENT_IDS_PER_PAGE,
              sources: [{ documentId: { terms: { field: 'documentId' } } }],
              ...(after ? { after } : {}),
            },
          },
        },
      });
      const ids = response.aggregations?.ids as
        { buckets: unknown[]; after_key?: Record<string, estypes.FieldValue> } | undefined;
      documents += ids?.buckets.length ?? 0;
      after = ids?.buckets.length ? ids.after_key : undefined;
    } while (after);
    return documents;
  }

  clear(): Promise<void> {
    return guarded(() => this.indices.removeAll());
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
