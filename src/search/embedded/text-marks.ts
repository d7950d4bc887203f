// The query's marks in a text that is not in the index (the document view, answered by either
// engine): the text is analysed with the shared analyzer into a one-passage forward index and
// matched by the highlighter's own matchedSpans, so a document shows the marks its hits show.
// Fuzzy words mark the text's terms within their edit distance (in the index, the words they
// expanded to).
import { compileQuery, matchTargets, type CompiledNode } from './compile.ts';
import { withinEdits } from './edit-distance.ts';
import { analyseField, type FieldToken } from './field-analysis.ts';
import { matchedSpans, type ForwardTokens, type Span } from './highlight.ts';

type FuzzyNode = Extract<CompiledNode, { kind: 'fuzzy' }>;

function fuzzyNodes(node: CompiledNode): FuzzyNode[] {
  if (node.kind === 'fuzzy') return [node];
  if (node.kind === 'bool') return node.clauses.flatMap(fuzzyNodes);
  return [];
}

/** A forward index of one text (passage 0) from its analysed tokens, terms in code-unit order. */
function forwardTokens(tokens: FieldToken[]): ForwardTokens {
  const terms = [...new Set(tokens.map((token) => token.term))].sort();
  const ids = new Map(terms.map((term, id) => [term, id]));
  return {
    terms,
    tokenStarts: Uint32Array.of(0, tokens.length),
    tokenTerms: Int32Array.from(tokens, (token) => ids.get(token.term)!),
    tokenPositions: Int32Array.from(tokens, (token) => token.position),
    tokenBegins: Int32Array.from(tokens, (token) => token.start),
    tokenEnds: Int32Array.from(tokens, (token) => token.end),
  };
}

/** A function giving the spans of `q`'s words in a text, or null when `q` can match nothing. */
export function queryMarker(q: string): ((text: string) => Span[]) | null {
  const compiled = compileQuery(q);
  if (compiled === null) return null;
  const fuzzy = fuzzyNodes(compiled);
  return (text) => {
    const analysed = analyseField(text);
    const stemmed = forwardTokens(analysed.dutch_text);
    const expansions = new Map<CompiledNode, string[]>(
      fuzzy.map((node) => [
        node,
        stemmed.terms.filter((term) => withinEdits(term, node.word, node.distance)),
      ]),
    );
    const targets = matchTargets(compiled, expansions);
    return matchedSpans(stemmed, forwardTokens(analysed.dutch_exact), 0, targets);
  };
}
