import { Router, type Request } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import { writeCsv } from '../../export/csv.ts';
import type { ExportRow } from '../../export/columns.ts';
import { exportRows } from '../../export/passage-rows.ts';
import { writeXlsx } from '../../export/xlsx.ts';
import { parseRequest } from '../errors.ts';
import { numeric, SearchParams, toSearchQuery } from '../search-params.ts';

/**
 * The search parameters plus the format, so the page can reuse its search URL. Paging parameters
 * (page, size, after, groupBy) are validated but ignored: an export holds every matching passage,
 * streamed page by page, with no cap.
 */
export const ExportParams = SearchParams.extend({
  format: z.enum(['csv', 'xlsx']).describe('Spreadsheet format.'),
  limit: numeric(z.number().int().min(1).optional()).describe(
    'At most this many passages; every matching passage when absent.',
  ),
}).strict();

const formats = {
  csv: { type: 'text/csv; charset=utf-8', write: writeCsv },
  xlsx: {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: writeXlsx,
  },
};

/** "vraagbaak-online-verkopen-2026-11-22.csv": what was searched and when. */
function exportFilename(q: string, extension: string): string {
  const slug = q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
  const day = new Date().toISOString().slice(0, 10);
  return `vraagbaak-${slug || 'export'}-${day}.${extension}`;
}

/** Fetches the first page before answering, so an unreachable backend still gets a proper 503. */
async function started(rows: AsyncGenerator<ExportRow>): Promise<AsyncGenerator<ExportRow>> {
  const first = await rows.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* rows;
  })();
}

/** The search page's document view of a passage, on the host the export was asked from. */
export function documentLinker(req: Request): (documentId: string, passageId?: string) => string {
  const base = `${req.protocol}://${req.get('host') ?? 'localhost'}/`;
  return (documentId, passageId) =>
    `${base}?doc=${encodeURIComponent(documentId)}` +
    (passageId ? `#${encodeURIComponent(passageId)}` : '');
}

export function exportRoutes(backend: SearchBackend): Router {
  return Router().get('/api/export', async (req, res) => {
    // Paging parameters need no removal: exportRows pages on its own.
    const { format, limit, ...params } = parseRequest(ExportParams, req.query);
    const rows = await started(
      exportRows(backend, toSearchQuery(params), { limit, documentLink: documentLinker(req) }),
    );
    const { type, write } = formats[format];
    res.attachment(exportFilename(params.q, format)).type(type);
    await write(rows, res);
  });
}
