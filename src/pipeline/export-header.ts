// The metadata header some text exports start with:
//   title: …
//   thema: Economie          (one theme a line, continued on the next lines)
//   Wetenschap en Innovatie
//   pdf link: https://…
//   thema link: https://…
import { collapseSpaces } from './names.ts';

export interface ExportHeader {
  title: string | null;
  themes: string[];
  pdfUrl: string | null;
}

const keyLine = /^(title|thema|pdf link|thema link):\s*(.*)$/i;

/** Reads the header when the text starts with one; `end` is the index of the first body line. */
export function readExportHeader(lines: readonly string[]): { header: ExportHeader; end: number } {
  const header: ExportHeader = { title: null, themes: [], pdfUrl: null };
  let key: string | null = null;
  let index = 0;
  for (; index < lines.length; index++) {
    const line = collapseSpaces(lines[index] ?? '');
    const match = keyLine.exec(line);
    if (match) {
      key = (match[1] ?? '').toLowerCase();
      const value = match[2] ?? '';
      if (key === 'title') header.title = value || null;
      if (key === 'thema' && value) header.themes.push(value);
      if (key === 'pdf link') header.pdfUrl = value || null;
    } else if (key === 'thema' && line && !/^SCHRIFTELIJKE VRAAG/.test(line)) {
      header.themes.push(line);
    } else {
      break;
    }
  }
  return { header, end: index };
}
