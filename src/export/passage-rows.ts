// The rows of a spreadsheet export: every passage matching a query, paged through with the cursor
// (search_after on Elasticsearch, the same sort keys in the embedded engine), with the full passage
// text fetched from its document (search hits carry only highlights). One page is in memory at a
// time, however many rows match.
import PQueue from 'p-queue';
import type { DocumentRecord } from '../model/document.ts';
import type { SearchBackend } from '../search/backend.ts';
import { MAX_PAGE_SIZE, type SearchQuery } from '../search/query.ts';
import type { ExportRow } from './columns.ts';

/** Document lookups in flight at once: enough to hide latency, few enough to spare the engine. */
const LOOKUP_CONCURRENCY = 8;

export interface ExportOptions {
  /** At most this many rows; every matching passage when absent. */
  limit?: number;
  pageSize?: number;
  /** The page's document view of a passage, for the link column. */
  documentLink: (documentId: string, passageId: string) => string;
}

/** Lets other requests (health checks, searches) run between two pages of an export. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function* exportRows(
  backend: SearchBackend,
  query: SearchQuery,
  { limit = Infinity, pageSize = MAX_PAGE_SIZE, documentLink }: ExportOptions,
): AsyncGenerator<ExportRow> {
  const lookups = new PQueue({ concurrency: LOOKUP_CONCURRENCY });
  let remaining = limit;
  let after: string | undefined;
  do {
    const page = await backend.search({
      ...query,
      groupBy: undefined,
      page: 1,
      size: Math.min(pageSize, remaining),
      after,
      // Rows need neither counts nor fragments: the text comes whole from the document.
      facets: false,
      highlight: false,
    });
    // One lookup per document on this page; passages of a document come from the same record.
    const ids = [...new Set(page.hits.map((hit) => hit.documentId))];
    const documents = new Map<string, DocumentRecord | null>(
      await lookups.addAll(
        ids.map((id) => async () => [id, await backend.getDocument(id)] as const),
      ),
    );
    for (const hit of page.hits) {
      const document = documents.get(hit.documentId);
      const passage = document?.passages.find((p) => p.id === hit.id);
      yield {
        documentId: hit.documentId,
        documentNumber: document?.number ?? null,
        title: hit.title,
        date: hit.date,
        asker: hit.asker,
        party: hit.party,
        minister: hit.minister,
        ministerOffice: document?.ministerOffice ?? null,
        type: hit.type,
        passageNumber: hit.number,
        text: passage?.text ?? '',
        organisations: hit.entities.flatMap((e) =>
          e.type === 'organisation' ? [e.canonical] : [],
        ),
        amounts: hit.entities.flatMap((e) => (e.type === 'amount' ? [e.value] : [])),
        link: documentLink(hit.documentId, hit.id),
      };
    }
    remaining -= page.hits.length;
    after = page.nextCursor ?? undefined;
    await nextTurn();
  } while (after !== undefined && remaining > 0);
}
