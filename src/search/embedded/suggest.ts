// Search-box suggestions: titles, organisations, askers and ministers with a word starting with
// the typed prefix (case-insensitive), most frequent (in documents) first.
import type { Suggestion } from '../backend.ts';
import type { PassageIndex } from './passage-index.ts';

export function suggestions(index: PassageIndex, prefix: string, limit: number): Suggestion[] {
  const wanted = prefix.trim().toLowerCase();
  if (wanted === '' || limit <= 0) return [];
  const startsAWord = (value: string) => {
    const lower = value.toLowerCase();
    return lower.startsWith(wanted) || lower.includes(` ${wanted}`);
  };
  // Counted once per document, keyed by kind and value.
  const counts = new Map<string, { suggestion: Suggestion; documents: Set<string> }>();
  const add = (kind: Suggestion['kind'], value: string | null, documentId: string) => {
    if (value === null || !startsAWord(value)) return;
    const key = `${kind}\u0000${value}`;
    let entry = counts.get(key);
    if (!entry) counts.set(key, (entry = { suggestion: { value, kind }, documents: new Set() }));
    entry.documents.add(documentId);
  };
  for (const passage of index.allPassages()) {
    add('title', passage.title, passage.documentId);
    add('asker', passage.asker, passage.documentId);
    add('minister', passage.minister, passage.documentId);
    for (const organisation of passage.organisations) {
      add('organisation', organisation, passage.documentId);
    }
  }
  return [...counts.values()]
    .sort(
      (a, b) =>
        b.documents.size - a.documents.size || a.suggestion.value.localeCompare(b.suggestion.value),
    )
    .slice(0, limit)
    .map((entry) => entry.suggestion);
}
