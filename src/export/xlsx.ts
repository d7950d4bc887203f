// XLSX export through exceljs's streaming writer: each row is committed (written out) as it comes.
import type { Writable } from 'node:stream';
import { exportColumns, type ExportRow } from './passage-rows.ts';

/** Excel refuses cells longer than this; a longer passage is cut rather than breaking the file. */
const MAX_CELL_LENGTH = 32_767;

export async function writeXlsx(rows: AsyncIterable<ExportRow>, output: Writable): Promise<void> {
  // Loaded on first export: exceljs takes about a second to load, which every start would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('passages');
  sheet.columns = exportColumns.map(({ key, header }) => ({ key, header }));
  for await (const row of rows) {
    sheet.addRow({ ...row, text: row.text.slice(0, MAX_CELL_LENGTH) }).commit();
  }
  sheet.commit();
  await workbook.commit();
}
