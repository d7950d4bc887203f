// Search-box suggestions, as the Elasticsearch backend gives them: organisations, ministers,
// askers and titles with a word starting with the typed prefix (any letter case), each kind's
// values by passage count, then the kinds interleaved so every kind gets a place.
import type { Suggestion } from '../backend.ts';
import type { IndexedPassage } from '../indexed-passage.ts';
import type { PassageIndex } from './passage-index.ts';

const kinds: Record<Suggestion['kind'], (p: IndexedPassage) => (string | null)[]> = {
  organisation: (p) => p.organisations,
  minister: (p) => [p.minister],
  asker: (p) => [p.asker],
  title: (p) => [p.title],
};

/** A word starts at the beginning or after a character that is not an ASCII letter or digit. */
function hasWordStartingWith(value: string, prefix: string): boolean {
  const lower = value.toLowerCase();
  for (let at = lower.indexOf(prefix); at !== -1; at = lower.indexOf(prefix, at + 1)) {
    if (at === 0 || !/[a-zA-Z0-9]/.test(value[at - 1] ?? '')) return true;
  }
  return false;
}

export function suggestions(index: PassageIndex, prefix: string, limit: number): Suggestion[] {
  const wanted = prefix.toLowerCase();
  if (wanted === '' || limit <= 0) return [];
  const columns = (Object.keys(kinds) as Suggestion['kind'][]).map((kind) => {
    const counts = new Map<string, number>();
    for (const passage of index.allPassages()) {
      for (const value of new Set(kinds[kind](passage))) {
        if (value !== null && hasWordStartingWith(value, wanted)) {
          counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
    }
    return [...counts]
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([value]): Suggestion => ({ value, kind }));
  });
  const result: Suggestion[] = [];
  const seen = new Set<string>();
  for (let row = 0; result.length < limit && columns.some((c) => row < c.length); row++) {
    for (const column of columns) {
      const suggestion = column[row];
      if (!suggestion || seen.has(suggestion.value) || result.length >= limit) continue;
      seen.add(suggestion.value);
      result.push(suggestion);
    }
  }
  return result;
}
