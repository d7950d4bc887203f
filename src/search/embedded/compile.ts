// The compiled query: the parsed query (../query-syntax.ts) with every leaf analysed once into the
// terms it looks for — stemmed terms with their alternatives per position, the other names of an
// organisation (synonyms) as stemmed phrases, exact phrase variants, lowercased prefixes and fuzzy
// words. The evaluator matches these terms and the highlighter marks the same ones.
import { LRUCache } from 'lru-cache';
import { analyzeWith } from '../../analysis/analyzer.ts';
import { foldToAscii } from '../../analysis/filters.ts';
import { queryWithVariants } from '../compound-variants.ts';
import { namesAsPhrases } from '../names-as-phrases.ts';
import { parseQuery, type QueryLeaf, type QueryNode } from '../query-syntax.ts';
import { otherNames, phraseVariants } from './synonyms.ts';

/** A phrase: per position (offset from the first), the terms that may stand there. */
export interface Phrase {
  offsets: number[];
  alternatives: string[][];
}

export type CompiledNode =
  | { kind: 'all' }
  | { kind: 'not'; node: CompiledNode }
  | { kind: 'bool'; operator: 'and' | 'or'; clauses: CompiledNode[] }
  /** Every position must match in one field; or one of the other names (synonyms) as a phrase. */
  | { kind: 'term'; phrase: Phrase; names: { stemmed: Phrase; exact: string[] }[] }
  /** `exact`: against the unstemmed fields (relaxed matching of a word as written). */
  | { kind: 'fuzzy'; word: string; distance: number; exact?: boolean }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'phrase'; variants: Phrase[]; slop: number };

/** The query analyzer of mappings/analysis.json: the index analyzer without decompounding. */
const SEARCH_ANALYZER = 'dutch_search';

/** Tokens of `text` under an analyzer, grouped by position (stopwords leave a gap). */
function phraseOf(analyzer: typeof SEARCH_ANALYZER | 'dutch_exact', text: string): Phrase {
  const byPosition = new Map<number, string[]>();
  for (const token of analyzeWith(analyzer, text)) {
    if (token.term === null) continue;
    const terms = byPosition.get(token.position) ?? [];
    if (!terms.includes(token.term)) terms.push(token.term);
    byPosition.set(token.position, terms);
  }
  const positions = [...byPosition.keys()].sort((a, b) => a - b);
  const first = positions[0] ?? 0;
  return {
    offsets: positions.map((position) => position - first),
    alternatives: positions.map((position) => byPosition.get(position)!),
  };
}

const exactTokens = (text: string) => phraseOf('dutch_exact', text).alternatives.flat();

// Prefixes and fuzzy words are normalised like Elasticsearch's multi-term queries: lowercased and
// folded to ASCII ("Financië*" finds "financien").
const lowercase = (text: string) => foldToAscii(text.toLowerCase());

const consecutive = (tokens: string[]): Phrase => ({
  offsets: tokens.map((_, i) => i),
  alternatives: tokens.map((token) => [token]),
});

function leafProducesQuery(leaf: QueryLeaf): boolean {
  switch (leaf.kind) {
    case 'term':
      return leaf.fuzziness > 0
        ? lowercase(leaf.text) !== ''
        : phraseOf(SEARCH_ANALYZER, leaf.text).offsets.length > 0;
    case 'prefix':
      return lowercase(leaf.text) !== '';
    case 'phrase':
      return exactTokens(leaf.text).length > 0;
  }
}

function compileNode(node: QueryNode): CompiledNode {
  switch (node.kind) {
    case 'all':
      return node;
    case 'not':
      return { kind: 'not', node: compileNode(node.node) };
    case 'bool':
      return { kind: 'bool', operator: node.operator, clauses: node.clauses.map(compileNode) };
    case 'term':
      if (node.fuzziness > 0)
        return { kind: 'fuzzy', word: lowercase(node.text), distance: node.fuzziness };
      return {
        kind: 'term',
        phrase: phraseOf(SEARCH_ANALYZER, node.text),
        names: otherNames(exactTokens(node.text)).map((name) => ({
          stemmed: phraseOf(SEARCH_ANALYZER, name),
          exact: exactTokens(name),
        })),
      };
    case 'prefix':
      return { kind: 'prefix', prefix: lowercase(node.text) };
    case 'phrase':
      return {
        kind: 'phrase',
        variants: phraseVariants(exactTokens(node.text)).map(consecutive),
        slop: node.slop,
      };
  }
}

/** The parse tree of `q` with its words' alternatives (null: it matches nothing). */
export const parseUserQuery = (q: string) =>
  parseQuery(queryWithVariants(namesAsPhrases(q)), { producesQuery: leafProducesQuery });

/**
 * Recently compiled queries: compiling depends only on the text (the analyzers and synonyms are
 * fixed), and analysing costs more than evaluating a rare term. Compiled nodes are never changed.
 */
const compiled = new LRUCache<string, { node: CompiledNode | null }>({ max: 1_000 });

/** Compiles the user's query; null when it matches nothing (only operators or stopwords). */
export function compileQuery(q: string): CompiledNode | null {
  let entry = compiled.get(q);
  if (!entry) {
    const root = q.trim() === '' ? { kind: 'all' as const } : parseUserQuery(q);
    compiled.set(q, (entry = { node: root ? compileNode(root) : null }));
  }
  return entry.node;
}

/** What the highlighter marks: terms of the stemmed field, prefixes, and exact phrases. */
export interface MatchTargets {
  terms: Set<string>;
  prefixes: string[];
  phrases: string[][];
}

/**
 * The targets of the query's positive leaves; `expansions` are the words fuzzy leaves expanded
 * to in the index (what they matched).
 */
export function matchTargets(
  node: CompiledNode | null,
  expansions: Map<CompiledNode, string[]>,
): MatchTargets {
  const targets: MatchTargets = { terms: new Set(), prefixes: [], phrases: [] };
  const visit = (n: CompiledNode): void => {
    switch (n.kind) {
      case 'bool':
        n.clauses.forEach(visit);
        return;
      case 'not':
      case 'all':
        return;
      case 'term':
        for (const terms of n.phrase.alternatives)
          for (const term of terms) targets.terms.add(term);
        for (const name of n.names) targets.phrases.push(name.exact);
        return;
      case 'fuzzy':
        for (const term of expansions.get(n) ?? [])
          if (n.exact) targets.phrases.push([term]);
          else targets.terms.add(term);
        return;
      case 'prefix':
        targets.prefixes.push(n.prefix);
        return;
      case 'phrase':
        for (const variant of n.variants) targets.phrases.push(variant.alternatives.flat());
    }
  };
  if (node) visit(node);
  return targets;
}
