// CSV export, streamed: rows go out as they are fetched.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { exportColumns, type ExportRow } from './passage-rows.ts';

export async function writeCsv(rows: AsyncIterable<ExportRow>, output: Writable): Promise<void> {
  await pipeline(
    rows,
    stringify({ header: true, columns: exportColumns.map(({ key, header }) => ({ key, header })) }),
    output,
  );
}
