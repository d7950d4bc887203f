// Search-box suggestions, as the Elasticsearch backend gives them: organisations, ministers,
// askers and titles with a word starting with the typed prefix (any letter case), each kind's
// values by passage count, then the kinds interleaved so every kind gets a place (../rules.ts).
// Passage counts per value come from the keyword columns, counted once per index value.
import type { Suggestion } from '../backend.ts';
import { byCountThenValue, interleave, suggestionKinds } from '../rules.ts';
import type { EmbeddedIndex } from './embedded-index.ts';

/** A word starts at the beginning or after a character that is not an ASCII letter or digit. */
function hasWordStartingWith(value: string, prefix: string): boolean {
  const lower = value.toLowerCase();
  for (let at = lower.indexOf(prefix); at !== -1; at = lower.indexOf(prefix, at + 1)) {
    if (at === 0 || !/[a-zA-Z0-9]/.test(value[at - 1] ?? '')) return true;
  }
  return false;
}

/** Live passages per value id of a column. */
function valueCounts(index: EmbeddedIndex, kind: Suggestion['kind']): Int32Array {
  const key = `suggest:${kind}`;
  let counts = index.memo.get(key) as Int32Array | undefined;
  if (!counts) {
    counts = new Int32Array(index.dictionaries[kind].size);
    index.segments.forEach((segment, s) => {
      const dead = index.deleted[s]!;
      const { starts, values } = segment.keywords[kind];
      for (let doc = 0; doc < segment.size; doc++) {
        if (dead[doc]) continue;
        for (let v = starts[doc]!; v < starts[doc + 1]!; v++) counts![values[v]!]!++;
      }
    });
    index.memo.set(key, counts);
  }
  return counts;
}

export function suggestions(index: EmbeddedIndex, prefix: string, limit: number): Suggestion[] {
  const wanted = prefix.toLowerCase();
  if (wanted === '' || limit <= 0) return [];
  const columns = suggestionKinds.map((kind) => {
    const counts = valueCounts(index, kind);
    const values = index.dictionaries[kind].values;
    const found: { value: string; count: number }[] = [];
    counts.forEach((count, id) => {
      if (count > 0 && hasWordStartingWith(values[id]!, wanted))
        found.push({ value: values[id]!, count });
    });
    return found
      .sort(byCountThenValue)
      .slice(0, limit)
      .map(({ value }): Suggestion => ({ value, kind }));
  });
  return interleave(columns, limit);
}
