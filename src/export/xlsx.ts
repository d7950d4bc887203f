// XLSX export through exceljs's streaming writer: each row is written out as it comes, so memory
// stays flat. Cells are typed (dates as dates, amounts as numbers), the header row is styled and
// frozen with an autofilter, and the link column opens the passage in the search page.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { exportColumns, type ExportColumn, type ExportRow } from './columns.ts';

/** Excel refuses cells longer than this; a longer passage is cut rather than breaking the file. */
const MAX_CELL_LENGTH = 32_767;
const SHEET_NAME = 'passages';

function xlsxCell(column: ExportColumn, row: ExportRow) {
  const value = column.value(row);
  if (value === null) return null;
  switch (column.kind) {
    case 'date':
      return new Date(`${value}T00:00:00Z`);
    case 'link':
      return { text: 'Openen', hyperlink: String(value) };
    case 'number':
      return value;
    case 'text':
      return String(value).slice(0, MAX_CELL_LENGTH);
  }
}

export async function writeXlsx(rows: AsyncIterable<ExportRow>, output: Writable): Promise<void> {
  // Loaded on first export: exceljs takes about a second to load, which every start would pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = exportColumns.map((column, i) => ({
    key: String(i),
    header: column.header,
    width: column.width,
    style: column.format ? { numFmt: column.format } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: exportColumns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  header.commit();
  for await (const row of rows) {
    sheet.addRow(exportColumns.map((column) => xlsxCell(column, row))).commit();
    // The zip is written as rows come; wait while the client reads slower than we produce.
    if (output.writableNeedDrain) await once(output, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}
