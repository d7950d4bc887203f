// Evaluates a parsed query (../query-syntax.ts) against the passage index, the way Elasticsearch
// runs simple_query_string over `text` and `title^2` (most_fields: per-field scores summed):
//   term   → BM25 on the stemmed fields; a term analysed into several tokens needs all of them
//            in one field
//   prefix → lowercased, unstemmed prefix against the stemmed terms, constant score
//   phrase → consecutive unstemmed tokens (text.exact/title.exact), BM25 over the phrase frequency
//   bool   → AND: intersection, OR: union; scores add up. NOT → everything else, score 1.
import { analyzeWith } from '../../analysis/analyzer.ts';
import { parseQuery, type QueryLeaf, type QueryNode } from '../query-syntax.ts';
import { bm25, idf } from './bm25.ts';
import { otherNames, phraseVariants } from './synonyms.ts';
import {
  exactField,
  indexTerms,
  searchFields,
  type IndexField,
  type PassageIndex,
  type SearchField,
} from './passage-index.ts';

/** Field boosts, as in Elasticsearch's `fields: ['text', 'title^2']`. */
export const fieldBoosts: Record<SearchField, number> = { text: 1, title: 2 };

/** Matching passages (internal ids) with their scores. */
export type Matches = Map<number, number>;

/** What a query looks for, for highlighting: stemmed terms, prefixes and exact phrases. */
export interface MatchTargets {
  terms: Set<string>;
  prefixes: string[];
  phrases: string[][];
}

export interface ParsedTextQuery {
  root: QueryNode | null;
  targets: MatchTargets;
}

/** Query-time analysis of a term: tokens grouped by position (several = synonyms). */
function searchTokens(text: string): string[][] {
  const byPosition = new Map<number, string[]>();
  for (const token of analyzeWith('dutch_text', text)) {
    if (token.term === null) continue;
    const list = byPosition.get(token.position) ?? [];
    if (!list.includes(token.term)) list.push(token.term);
    byPosition.set(token.position, list);
  }
  return [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, terms]) => terms);
}

const exactTokens = (text: string) => indexTerms('textExact', text);

const normalize = (text: string) => text.toLowerCase();

function leafProducesQuery(leaf: QueryLeaf): boolean {
  switch (leaf.kind) {
    case 'term':
      return leaf.fuzziness > 0 ? normalize(leaf.text) !== '' : searchTokens(leaf.text).length > 0;
    case 'prefix':
      return normalize(leaf.text) !== '';
    case 'phrase':
      return exactTokens(leaf.text).length > 0;
  }
}

/** Parses the user's query; an empty query is null (the caller matches everything). */
export function parseTextQuery(q: string): ParsedTextQuery {
  const root = parseQuery(q, { producesQuery: leafProducesQuery });
  const targets: MatchTargets = { terms: new Set(), prefixes: [], phrases: [] };
  collectTargets(root, false, targets);
  return { root, targets };
}

function collectTargets(node: QueryNode | null, negated: boolean, targets: MatchTargets): void {
  if (!node || negated) return;
  switch (node.kind) {
    case 'bool':
      for (const clause of node.clauses) collectTargets(clause, false, targets);
      return;
    case 'not':
      return;
    case 'all':
      return;
    case 'term':
      for (const terms of searchTokens(node.text)) for (const t of terms) targets.terms.add(t);
      for (const name of otherNames(exactTokens(node.text)))
        targets.phrases.push(exactTokens(name));
      return;
    case 'prefix':
      targets.prefixes.push(normalize(node.text));
      return;
    case 'phrase':
      targets.phrases.push(...phraseVariants(exactTokens(node.text)));
      return;
  }
}

export function evaluate(index: PassageIndex, node: QueryNode): Matches {
  switch (node.kind) {
    case 'all':
      return new Map(index.allInternalIds().map((id) => [id, 1]));
    case 'not':
      return everythingExcept(index, evaluate(index, node.node));
    case 'bool':
      return node.operator === 'and' ? evaluateAnd(index, node.clauses) : evaluateOr(index, node);
    case 'term':
      return perField(index, (field) => termMatches(index, field, node.text, node.fuzziness));
    case 'prefix':
      return perField(index, (field) => prefixMatches(index, field, normalize(node.text)));
    case 'phrase':
      return perField(index, (field) =>
        phraseMatches(index, exactField[field], exactTokens(node.text), node.slop),
      );
  }
}

function everythingExcept(index: PassageIndex, excluded: Matches): Matches {
  const result: Matches = new Map();
  for (const id of index.allInternalIds()) if (!excluded.has(id)) result.set(id, 1);
  return result;
}

function evaluateAnd(index: PassageIndex, clauses: QueryNode[]): Matches {
  // Negations are applied as exclusions (each still adds its match-all score of 1).
  const positive = clauses.filter((c) => c.kind !== 'not');
  const negative = clauses.flatMap((c) => (c.kind === 'not' ? [c.node] : []));
  let result: Matches | null = null;
  for (const clause of positive) {
    const matches = evaluate(index, clause);
    if (result === null) {
      result = matches;
      continue;
    }
    const next: Matches = new Map();
    for (const [id, score] of result) {
      const other = matches.get(id);
      if (other !== undefined) next.set(id, score + other);
    }
    result = next;
  }
  result ??= new Map(index.allInternalIds().map((id) => [id, 0]));
  for (const node of negative) {
    const excluded = evaluate(index, node);
    for (const id of excluded.keys()) result.delete(id);
    for (const [id, score] of result) result.set(id, score + 1);
  }
  return result;
}

function evaluateOr(index: PassageIndex, node: { clauses: QueryNode[] }): Matches {
  const result: Matches = new Map();
  for (const clause of node.clauses) {
    for (const [id, score] of evaluate(index, clause)) {
      result.set(id, (result.get(id) ?? 0) + score);
    }
  }
  return result;
}

/** Runs a per-field query on text and title and sums the boosted scores (most_fields). */
function perField(index: PassageIndex, fieldMatches: (field: SearchField) => Matches): Matches {
  const result: Matches = new Map();
  for (const field of searchFields) {
    const boost = fieldBoosts[field];
    for (const [id, score] of fieldMatches(field)) {
      result.set(id, (result.get(id) ?? 0) + score * boost);
    }
  }
  return result;
}

function termMatches(
  index: PassageIndex,
  field: SearchField,
  text: string,
  fuzziness: number,
): Matches {
  if (fuzziness > 0) {
    const terms = index.similarTerms(field, normalize(text), fuzziness);
    return anyOf(terms.map((term) => termScores(index, field, term)));
  }
  // Every position must match; synonyms at one position are alternatives.
  const positions = searchTokens(text).map((terms) =>
    anyOf(terms.map((term) => termScores(index, field, term))),
  );
  const alternatives = otherNames(exactTokens(text));
  if (alternatives.length === 0) return allOf(positions);
  return anyOf([
    allOf(positions),
    ...alternatives.map((name) => stemmedPhraseMatches(index, field, name)),
  ]);
}

/** An organisation's other name as a phrase on the stemmed field (stopwords leave a gap). */
function stemmedPhraseMatches(index: PassageIndex, field: SearchField, name: string): Matches {
  const wanted = analyzeWith('dutch_text', name).filter((t) => t.term !== null);
  const [first] = wanted;
  if (!first) return new Map();
  if (wanted.length === 1) return termScores(index, field, first.term!);
  const stats = index.fieldStats(field);
  const postings = wanted.map((t) => index.postings(field, t.term!));
  const weight = postings.reduce((sum, list) => sum + idf(list.length, stats), 0);
  const candidates = allOf(postings.map((list) => new Map(list.map((p) => [p.internalId, 0]))));
  const result: Matches = new Map();
  for (const internalId of candidates.keys()) {
    const passage = index.passageAt(internalId);
    const value = field === 'title' ? (passage?.title ?? '') : (passage?.text ?? '');
    const termAt = new Map<number, string | null>();
    for (const token of analyzeWith('dutch_text', value)) termAt.set(token.position, token.term);
    let freq = 0;
    for (const [position, term] of termAt) {
      if (term !== first.term) continue;
      const offset = position - first.position;
      if (wanted.every((t) => termAt.get(offset + t.position) === t.term)) freq++;
    }
    if (freq > 0) {
      result.set(internalId, bm25(weight, freq, index.fieldLength(field, internalId), stats));
    }
  }
  return result;
}

/**
 * Passages holding at least `minimumShouldMatch` of the given (field, term) pairs, scored by the
 * sum of their BM25 scores: a Lucene BooleanQuery of SHOULD term clauses (the similar search).
 */
export function matchTerms(
  index: PassageIndex,
  terms: { field: IndexField; term: string }[],
  minimumShouldMatch: number,
): Matches {
  const scores: Matches = new Map();
  const matched = new Map<number, number>();
  for (const { field, term } of terms) {
    for (const [id, score] of termScores(index, field, term)) {
      scores.set(id, (scores.get(id) ?? 0) + score);
      matched.set(id, (matched.get(id) ?? 0) + 1);
    }
  }
  for (const [id, count] of matched) if (count < minimumShouldMatch) scores.delete(id);
  return scores;
}

function termScores(index: PassageIndex, field: IndexField, term: string): Matches {
  const postings = index.postings(field, term);
  const stats = index.fieldStats(field);
  const weight = idf(postings.length, stats);
  const result: Matches = new Map();
  for (const { internalId, freq } of postings) {
    result.set(internalId, bm25(weight, freq, index.fieldLength(field, internalId), stats));
  }
  return result;
}

function prefixMatches(index: PassageIndex, field: SearchField, prefix: string): Matches {
  return new Map(index.postings(field, prefix, true).map(({ internalId }) => [internalId, 1]));
}

function phraseMatches(
  index: PassageIndex,
  field: IndexField,
  tokens: string[],
  slop: number,
): Matches {
  return anyOf(phraseVariants(tokens).map((variant) => onePhrase(index, field, variant, slop)));
}

function onePhrase(index: PassageIndex, field: IndexField, tokens: string[], slop: number) {
  if (tokens.length === 1) return termScores(index, field, tokens[0] ?? '');
  const stats = index.fieldStats(field);
  const postings = tokens.map((token) => index.postings(field, token));
  const weight = postings.reduce((sum, list) => sum + idf(list.length, stats), 0);
  const candidates = allOf(postings.map((list) => new Map(list.map((p) => [p.internalId, 0]))));
  const result: Matches = new Map();
  const phraseIds = tokens.map((token) => index.exactTermIdOf(token));
  for (const internalId of candidates.keys()) {
    const freq =
      field === 'textExact'
        ? phraseFrequency(index.exactTokenIds(internalId) ?? [], phraseIds, slop)
        : phraseFrequency(exactTokens(index.passageAt(internalId)?.title ?? ''), tokens, slop);
    if (freq > 0) {
      result.set(internalId, bm25(weight, freq, index.fieldLength(field, internalId), stats));
    }
  }
  return result;
}

/**
 * Occurrences of the phrase in the token stream. With slop, a match may spread over up to `slop`
 * extra positions, weighted 1/(1 + distance) like Lucene's sloppy phrase frequency.
 */
export function phraseFrequency<T>(stream: ArrayLike<T>, phrase: T[], slop: number): number {
  let freq = 0;
  for (let start = 0; start < stream.length; start++) {
    if (stream[start] !== phrase[0]) continue;
    let position = start;
    let distance = 0;
    let matched = true;
    for (let i = 1; i < phrase.length && matched; i++) {
      let next = position + 1;
      while (next < stream.length && stream[next] !== phrase[i] && next - position - 1 < slop) {
        next++;
      }
      if (stream[next] !== phrase[i]) matched = false;
      distance += next - position - 1;
      position = next;
    }
    if (matched && distance <= slop) freq += 1 / (1 + distance);
  }
  return freq;
}

function anyOf(parts: Matches[]): Matches {
  const result: Matches = new Map();
  for (const part of parts) {
    for (const [id, score] of part) result.set(id, (result.get(id) ?? 0) + score);
  }
  return result;
}

function allOf(parts: Matches[]): Matches {
  const [first, ...rest] = parts;
  if (!first) return new Map();
  const result: Matches = new Map();
  for (const [id, score] of first) {
    let total = score;
    let everywhere = true;
    for (const part of rest) {
      const other = part.get(id);
      if (other === undefined) {
        everywhere = false;
        break;
      }
      total += other;
    }
    if (everywhere) result.set(id, total);
  }
  return result;
}
