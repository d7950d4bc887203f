// Where a query's words stand in a text, for the document view: the same for both engines because
// it needs only the analyzer (mappings/analysis.json): the query through the search analyzer, the
// text through the index analyzer, as the engines do. A token is marked when a stem of it is a stem of
// a positive word or phrase word of the query, starts with a query prefix, or (for `word~N`) is
// within N edits of the word as written. Words after `-` are not marked.
import { analyzeWith } from '../analysis/analyzer.ts';
import { foldToAscii } from '../analysis/filters.ts';
import { withinEdits } from './embedded/edit-distance.ts';
import { parseQuery, type QueryNode } from './query-syntax.ts';

/** Character ranges [start, end) of marked tokens, in text order. */
export type Marks = [number, number][];

const terms = (analyzer: string, text: string) =>
  analyzeWith(analyzer, text).flatMap((t) => (t.term === null ? [] : [t.term]));

export function queryMarker(q: string): (text: string) => Marks {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const fuzzy: { word: string; distance: number }[] = [];
  const visit = (node: QueryNode | null): void => {
    if (!node) return;
    switch (node.kind) {
      case 'bool':
        return node.clauses.forEach(visit);
      case 'term':
        if (node.fuzziness > 0)
          for (const word of terms('dutch_exact', node.text))
            fuzzy.push({ word, distance: node.fuzziness });
        else for (const stem of terms('dutch_search', node.text)) stems.add(stem);
        return;
      case 'phrase':
        for (const stem of terms('dutch_search', node.text)) stems.add(stem);
        return;
      case 'prefix':
        prefixes.push(foldToAscii(node.text.toLowerCase()));
        return;
      default: // 'not' and 'all' mark nothing
        return;
    }
  };
  visit(parseQuery(q));
  return (text) => {
    if (stems.size === 0 && prefixes.length === 0 && fuzzy.length === 0) return [];
    const exact = analyzeWith('dutch_exact', text);
    // The index analyzer gives a compound and its parts at one place: any of them may match.
    const stemmed = new Map<number, string[]>();
    for (const t of analyzeWith('dutch_text', text))
      if (t.term !== null) stemmed.set(t.start, [...(stemmed.get(t.start) ?? []), t.term]);
    return exact
      .filter((token) => {
        const written = token.term ?? '';
        return (
          (stemmed.get(token.start) ?? []).some((stem) => stems.has(stem)) ||
          prefixes.some((prefix) => written.startsWith(prefix)) ||
          fuzzy.some((f) => withinEdits(f.word, written, f.distance))
        );
      })
      .map((token): [number, number] => [token.start, token.end]);
  };
}
