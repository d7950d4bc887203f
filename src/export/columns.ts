// The columns of an export, once for both formats: Dutch header, kind of value (so XLSX can type
// its cells and CSV can write them the way Dutch-language Excel reads them), and width.
import type { PassageType } from '../model/document.ts';
import { facetByName } from '../model/facets.ts';
import { passageTypeNames } from '../model/passage-types.ts';

/** One matching passage with what a spreadsheet user needs of its document. */
export interface ExportRow {
  documentId: string;
  documentNumber: string | null;
  parliament: string;
  title: string | null;
  /** YYYY-MM-DD. */
  date: string | null;
  asker: string | null;
  party: string | null;
  minister: string | null;
  ministerOffice: string | null;
  type: PassageType;
  passageNumber: number | null;
  text: string;
  organisations: string[];
  /** Euro, in the order the passage names them. */
  amounts: number[];
  /** The passage in the search page's document view. */
  link: string;
}

export type CellValue = string | number | null;

export interface ExportColumn {
  header: string;
  kind: 'text' | 'date' | 'number' | 'link';
  /** Width in characters, for XLSX. */
  width: number;
  /** XLSX number format of a date or number column. */
  format?: string;
  /** Text for 'text'/'link', YYYY-MM-DD for 'date', a number for 'number'; null when empty. */
  value: (row: ExportRow) => CellValue;
}

const list = (values: string[]) => (values.length > 0 ? [...new Set(values)].join('; ') : null);
const euro = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 });

export const exportColumns: ExportColumn[] = [
  { header: 'Document', kind: 'text', width: 22, value: (r) => r.documentId },
  { header: facetByName.parliament.label, kind: 'text', width: 22, value: (r) => r.parliament },
  { header: 'Nummer', kind: 'text', width: 9, value: (r) => r.documentNumber },
  { header: 'Titel', kind: 'text', width: 50, value: (r) => r.title },
  { header: 'Datum', kind: 'date', width: 12, format: 'dd/mm/yyyy', value: (r) => r.date },
  { header: facetByName.asker.label, kind: 'text', width: 22, value: (r) => r.asker },
  { header: facetByName.party.label, kind: 'text', width: 12, value: (r) => r.party },
  { header: facetByName.minister.label, kind: 'text', width: 22, value: (r) => r.minister },
  { header: 'Bevoegd kabinet', kind: 'text', width: 28, value: (r) => r.ministerOffice },
  { header: 'Soort', kind: 'text', width: 10, value: (r) => passageTypeNames[r.type] },
  { header: 'Nr.', kind: 'number', width: 6, format: '0', value: (r) => r.passageNumber },
  { header: 'Tekst', kind: 'text', width: 80, value: (r) => r.text },
  { header: 'Organisaties', kind: 'text', width: 30, value: (r) => list(r.organisations) },
  {
    header: 'Hoogste bedrag (euro)',
    kind: 'number',
    width: 16,
    format: '#,##0.00',
    value: (r) => (r.amounts.length > 0 ? Math.max(...r.amounts) : null),
  },
  {
    header: 'Alle bedragen (euro)',
    kind: 'text',
    width: 24,
    value: (r) => list(r.amounts.map((amount) => euro.format(amount))),
  },
  { header: 'Link', kind: 'link', width: 12, value: (r) => r.link },
];
