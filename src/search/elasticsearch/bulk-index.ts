// Streams documents into one concrete index as passages with the client's bulk helper (batching by
// size, concurrency, retries on 429), then makes the index agree with what was sent: passages a
// re-indexed document no longer has are deleted, and the stored count is checked.
import type { Client } from '@elastic/elasticsearch';
import type { IndexFailure, IndexProgress, IndexReport } from '../backend.ts';
import type { DocumentRecord } from '../../model/document.ts';
import { toIndexedPassages, type IndexedPassage } from '../indexed-passage.ts';

const FLUSH_BYTES = 2_000_000;
// Two cores shared with the pipeline and the node: more parallel bulks only queue up.
const CONCURRENCY = 2;
const RETRIES = 3;
const RETRY_WAIT_MS = 1_000;
/**
 * Once a run has started, a node that goes away (a restart) is waited for rather than failing the
 * run: the transport retries each bulk request with exponential backoff (capped at 4 s), about two
 * minutes in all. A node that is down when the run starts still fails fast, on the first request.
 */
const OUTAGE_RETRIES = 40;
/** Documents per delete-by-query / count request (terms lists stay far below index.max_terms_count). */
const DOCUMENTS_PER_CHECK = 1_000;
const STALE_PER_ROUND = 1_000;

export interface BulkIndexOptions {
  /** Remove passages of the indexed documents that this run did not write (upsert into a live index). */
  pruneStale: boolean;
  onProgress?: (progress: IndexProgress) => void;
}

export async function bulkIndex(
  client: Client,
  index: string,
  documents: AsyncIterable<DocumentRecord>,
  options: BulkIndexOptions,
): Promise<IndexReport> {
  // Ids only, so memory grows by a few dozen bytes per passage however large the texts are.
  const passageIds = new Map<string, Set<string>>();
  const failures: IndexFailure[] = [];
  const dropped = new Set<string>();
  let passages = 0;

  async function* passagesOf(): AsyncGenerator<IndexedPassage> {
    for await (const document of documents) {
      const ids = passageIds.get(document.id) ?? new Set<string>();
      passageIds.set(document.id, ids);
      for (const passage of toIndexedPassages(document)) {
        if (!ids.has(passage.id)) passages += 1;
        ids.add(passage.id);
        yield passage;
      }
      options.onProgress?.({ documents: passageIds.size, passages });
    }
  }

  await client.helpers.bulk<IndexedPassage>(
    {
      datasource: passagesOf(),
      onDocument: (passage) => ({ index: { _index: index, _id: passage.id } }),
      onDrop: ({ document, status, error }) => {
        dropped.add(document.id);
        const reason = error ? `${error.type}: ${error.reason ?? ''}` : 'rejected after retries';
        failures.push({
          documentId: document.documentId,
          reason: `passage ${document.id} not indexed (HTTP ${status}) ${reason}`,
        });
      },
      flushBytes: FLUSH_BYTES,
      concurrency: CONCURRENCY,
      retries: RETRIES,
      wait: RETRY_WAIT_MS,
    },
    { maxRetries: OUTAGE_RETRIES },
  );

  // Stale passages are found by search, so the new ones must be visible first.
  await client.indices.refresh({ index });
  const batches = chunk([...passageIds], DOCUMENTS_PER_CHECK);
  if (options.pruneStale) {
    for (const batch of batches) await deleteStalePassages(client, index, batch);
  }

  const expected = passages - dropped.size;
  let stored = 0;
  for (const batch of batches) {
    const { count } = await client.count({
      index,
      query: { terms: { documentId: batch.map(([documentId]) => documentId) } },
    });
    stored += count;
  }
  if (stored !== expected)
    failures.push({
      documentId: '*',
      reason: `the index holds ${stored} passages of these documents, but ${expected} were written`,
    });

  return { documents: passageIds.size, passages: expected, failures };
}

/**
 * Deletes passages of these documents that this run did not write (a re-parsed document with fewer
 * passages). Search + bulk delete rather than _delete_by_query, which lives in the reindex module
 * that the minimal distribution lacks.
 */
async function deleteStalePassages(
  client: Client,
  index: string,
  batch: [string, Set<string>][],
): Promise<void> {
  for (;;) {
    const response = await client.search({
      index,
      size: STALE_PER_ROUND,
      _source: false,
      query: {
        bool: {
          filter: [{ terms: { documentId: batch.map(([documentId]) => documentId) } }],
          must_not: [{ ids: { values: batch.flatMap(([, ids]) => [...ids]) } }],
        },
      },
    });
    const stale = response.hits.hits.map((hit) => hit._id).filter((id) => id !== undefined);
    if (stale.length === 0) return;
    await client.helpers.bulk<string>({
      datasource: stale,
      onDocument: (id) => ({ delete: { _index: index, _id: id } }),
      refreshOnCompletion: index,
    });
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
