// The rows of a spreadsheet export: every passage matching a query, in the search's order, from the
// backend's scan (one ranking walked a page at a time in the embedded engine, search_after on
// Elasticsearch), with the full passage text fetched from its document (hits carry no text). One
// page is in memory at a time, however many rows match.
import PQueue from 'p-queue';
import type { DocumentRecord } from '../model/document.ts';
import type { SearchBackend } from '../search/backend.ts';
import type { SearchQuery } from '../search/query.ts';
import type { ExportRow } from './columns.ts';

/** Document lookups in flight at once: enough to hide latency, few enough to spare the engine. */
const LOOKUP_CONCURRENCY = 8;

export interface ExportOptions {
  /** At most this many rows; every matching passage when absent. */
  limit?: number;
  /** The page's document view of a passage, for the link column. */
  documentLink: (documentId: string, passageId: string) => string;
}

export async function* exportRows(
  backend: SearchBackend,
  query: SearchQuery,
  { limit = Infinity, documentLink }: ExportOptions,
): AsyncGenerator<ExportRow> {
  const lookups = new PQueue({ concurrency: LOOKUP_CONCURRENCY });
  let remaining = limit;
  for await (const page of backend.scan(query)) {
    const hits = page.slice(0, remaining);
    // One lookup per document on this page; passages of a document come from the same record.
    const ids = [...new Set(hits.map((hit) => hit.documentId))];
    const documents = new Map<string, DocumentRecord | null>(
      await lookups.addAll(
        ids.map((id) => async () => [id, await backend.getDocument(id)] as const),
      ),
    );
    for (const hit of hits) {
      const document = documents.get(hit.documentId);
      const passage = document?.passages.find((p) => p.id === hit.id);
      yield {
        documentId: hit.documentId,
        documentNumber: document?.number ?? null,
        parliament: hit.parliament,
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
    remaining -= hits.length;
    if (remaining <= 0) return;
  }
}
