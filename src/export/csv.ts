// CSV export for Dutch-language Excel, streamed as rows are fetched: UTF-8 with a byte order mark
// (else Excel reads it as Windows-1252), `;` between cells (`,` is the decimal separator there),
// decimal commas, and text cells that would run as formulas neutralised.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { exportColumns, type ExportColumn, type ExportRow } from './columns.ts';
import { neutraliseFormula } from './formula-injection.ts';

function csvCell(column: ExportColumn, row: ExportRow): string {
  const value = column.value(row);
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return column.kind === 'text' ? neutraliseFormula(value) : value;
}

async function* csvRecords(rows: AsyncIterable<ExportRow>): AsyncGenerator<string[]> {
  for await (const row of rows) yield exportColumns.map((column) => csvCell(column, row));
}

export async function writeCsv(rows: AsyncIterable<ExportRow>, output: Writable): Promise<void> {
  await pipeline(
    csvRecords(rows),
    stringify({
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
      header: true,
      columns: exportColumns.map(({ header }) => header),
    }),
    output,
  );
}
