// The engine contract: an embedded default and Elasticsearch implement it, and one conformance
// suite (tests/conformance) runs against both.
import type { backendNames } from '../config.ts';
import type { DocumentRecord } from '../model/document.ts';
import type { SearchHit, SearchQuery, SearchResult } from './query.ts';
import type { Suggestion } from './search-result.ts';
import type { SimilarQuery, SimilarResult } from './similar/similar-query.ts';

export type BackendName = (typeof backendNames)[number];

export interface IndexFailure {
  documentId: string;
  reason: string;
}

export interface IndexReport {
  documents: number;
  passages: number;
  failures: IndexFailure[];
}

export interface IndexProgress {
  documents: number;
  passages: number;
}

export interface IndexOptions {
  /**
   * 'upsert' (default) writes into the live index under stable ids, so a re-run never duplicates.
   * 'rebuild' builds a fresh index and swaps it in when complete; searches never see a half-built index.
   */
  mode?: 'upsert' | 'rebuild';
  onProgress?: (progress: IndexProgress) => void;
}

export type { Suggestion } from './search-result.ts';

export interface BackendStats {
  documents: number;
  passages: number;
}

/** Thrown when the engine cannot be reached; the API maps it to 503 with `reason`. */
export class BackendUnavailableError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'BackendUnavailableError';
  }
}

export interface SearchBackend {
  readonly name: BackendName;
  index(documents: AsyncIterable<DocumentRecord>, options?: IndexOptions): Promise<IndexReport>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Documents whose passages are most like a draft (more_like_this semantics, see ./similar/). */
  similar(query: SimilarQuery): Promise<SimilarResult>;
  /**
   * Every hit of a query (its page, size, cursor and grouping ignored) in sort order, a page at a
   * time, without highlights: for exports, which need all rows with flat memory and must leave the
   * event loop free between pages.
   */
  scan(query: SearchQuery): AsyncIterable<SearchHit[]>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  suggest(prefix: string, limit: number): Promise<Suggestion[]>;
  stats(): Promise<BackendStats>;
  clear(): Promise<void>;
  close(): Promise<void>;
}
