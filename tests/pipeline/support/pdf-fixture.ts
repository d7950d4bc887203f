// Builds a PDF from the lines of a text export, the way the parliament's PDFs look to pdf.js: one
// text line per line, an empty line as vertical space, new pages as needed. Test fixture only.
import { PDFDocument, StandardFonts } from 'pdf-lib';

const pageSize: [number, number] = [595, 842]; // A4
const margin = 50;
const fontSize = 9;
const lineHeight = 11;

/** Helvetica's WinAnsi encoding covers the seeds' ‘ ’ “ ” – … € ë; anything else fails loudly. */
export async function pdfFromLines(lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  let page = pdf.addPage(pageSize);
  let y = pageSize[1] - margin;
  for (const line of lines) {
    if (y < margin) {
      page = pdf.addPage(pageSize);
      y = pageSize[1] - margin;
    }
    if (line.trim()) page.drawText(line, { x: margin, y, size: fontSize, font });
    y -= lineHeight;
  }
  return pdf.save();
}
