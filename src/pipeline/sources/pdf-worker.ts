// The worker thread that reads a PDF's lines (see pdf.ts): a crafted PDF can keep pdf.js busy for
// minutes, and only a thread of its own can be stopped when its time budget runs out.
import { pdfLines } from './pdf-lines.ts';

export default function readPdfLines(file: string): Promise<string[]> {
  return pdfLines(file);
}
