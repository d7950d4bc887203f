// The rows of a spreadsheet export: every passage matching a query, paged through with the cursor,
// with the full passage text fetched from its document (search hits carry only highlights).
import PQueue from 'p-queue';
import type { DocumentRecord } from '../model/document.ts';
import type { SearchBackend } from '../search/backend.ts';
import { MAX_PAGE_SIZE, type SearchQuery } from '../search/query.ts';

/** Enough for any analysis a spreadsheet is good for, small enough to stay quick. */
export const MAX_EXPORT_ROWS = 10_000;

export const exportColumns = [
  { key: 'documentId', header: 'documentId' },
  { key: 'number', header: 'number' },
  { key: 'title', header: 'title' },
  { key: 'date', header: 'date' },
  { key: 'asker', header: 'asker' },
  { key: 'party', header: 'party' },
  { key: 'minister', header: 'minister' },
  { key: 'ministerOffice', header: 'minister office' },
  { key: 'type', header: 'type' },
  { key: 'passageNumber', header: 'passage number' },
  { key: 'text', header: 'text' },
  { key: 'organisations', header: 'organisations' },
  { key: 'amounts', header: 'amounts' },
] as const;

export type ExportRow = Record<(typeof exportColumns)[number]['key'], string>;

/** Document lookups in flight at once: enough to hide latency, few enough to spare the engine. */
const LOOKUP_CONCURRENCY = 8;

const joined = (values: (string | number)[]) => [...new Set(values)].join('; ');

export async function* exportRows(
  backend: SearchBackend,
  query: SearchQuery,
  limit = MAX_EXPORT_ROWS,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<ExportRow> {
  const lookups = new PQueue({ concurrency: LOOKUP_CONCURRENCY });
  let remaining = limit;
  let after: string | undefined;
  do {
    const size = Math.min(pageSize, remaining);
    const page = await backend.search({
      ...query,
      groupBy: undefined,
      page: 1,
      size,
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
        number: document?.number ?? '',
        title: hit.title ?? '',
        date: hit.date ?? '',
        asker: hit.asker ?? '',
        party: hit.party ?? '',
        minister: hit.minister ?? '',
        ministerOffice: document?.ministerOffice ?? '',
        type: hit.type,
        passageNumber: hit.number === null ? '' : String(hit.number),
        text: passage?.text ?? '',
        organisations: joined(
          hit.entities.flatMap((e) => (e.type === 'organisation' ? [e.canonical] : [])),
        ),
        amounts: joined(hit.entities.flatMap((e) => (e.type === 'amount' ? [e.value] : []))),
      };
    }
    remaining -= page.hits.length;
    after = page.nextCursor ?? undefined;
  } while (after !== undefined && remaining > 0);
}
