import { Router } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import { writeCsv } from '../../export/csv.ts';
import { exportRows, MAX_EXPORT_ROWS, type ExportRow } from '../../export/passage-rows.ts';
import { writeXlsx } from '../../export/xlsx.ts';
import { parseRequest } from '../errors.ts';
import { SearchParams, toSearchQuery } from '../search-params.ts';

/**
 * The search parameters plus the format, so the page can reuse its search URL. Paging parameters
 * (page, size, after, groupBy) are validated but ignored: an export holds every matching passage.
 */
export const ExportParams = SearchParams.extend({
  format: z.enum(['csv', 'xlsx']).describe('Spreadsheet format.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_EXPORT_ROWS)
    .default(MAX_EXPORT_ROWS)
    .describe('At most this many passages.'),
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

export function exportRoutes(backend: SearchBackend): Router {
  return Router().get('/api/export', async (req, res) => {
    // Paging parameters need no removal: exportRows pages on its own.
    const { format, limit, ...params } = parseRequest(ExportParams, req.query);
    const rows = await started(exportRows(backend, toSearchQuery(params), limit));
    const { type, write } = formats[format];
    res.attachment(exportFilename(params.q, format)).type(type);
    await write(rows, res);
  });
}
