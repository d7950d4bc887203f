// Stable document ids: from the source's own identity, never from a counter or a run.
import path from 'node:path';

/**
 * The file name without its extension(s), so "seeds/000_f71e14aadc76dc25.txt" and the PDF of the
 * same question "000_f71e14aadc76dc25.pdf" share the id (indexing one replaces the other).
 */
export function documentIdFromFile(file: string): string {
  const stem = path.basename(file).replace(/\.(txt|pdf)$/i, '');
  return stem.toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
}

export const dekamerDocumentId = (docId: number) => `dekamer-${docId}`;
