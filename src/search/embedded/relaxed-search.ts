// The embedded engine's side of relaxed matching and "did you mean" (../relaxed-matching.ts
// decides the stages for both engines): runs the strict query, and when it finds too little,
// each relaxed stage in turn on the same filters, until one finds something.
import {
  RELAX_WHEN_FEWER_THAN,
  relaxableWords,
  relaxationStages,
  stopwordsOnly,
  wordQueries,
  wordSuggestions,
  type Relaxation,
  type WordSuggestion,
} from '../relaxed-matching.ts';
import type { SearchQuery } from '../query.ts';
import { compileQuery, type CompiledNode } from './compile.ts';
import { atLeast, emptySet, intersectAll, unionAll, type DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import type { Evaluation } from './evaluate.ts';
import { filterAndCount, withinRanges } from './facets.ts';
import { nearestIndexedWord } from './term-suggestions.ts';

export interface MatchedQuery {
  /** The query whose terms the hits matched (highlighting). */
  compiled: CompiledNode | null;
  filtered: ReturnType<typeof filterAndCount>;
  relaxed?: Relaxation;
  suggestions?: WordSuggestion[];
  stopwordsOnly?: string[];
}

/** Passages matching some word, in documents whose passages together match every word. */
function acrossPassages(index: EmbeddedIndex, sets: DocSet[]): DocSet {
  const documentOf = (doc: number) => {
    const [segment, local] = index.locate(doc);
    const { starts, values } = segment.keywords.document;
    return values[starts[local]!]!;
  };
  let documents: Set<number> | null = null;
  for (const set of sets) {
    const holding = new Set<number>();
    for (const doc of set.docs)
      if (!documents || documents.has(documentOf(doc))) holding.add(documentOf(doc));
    documents = holding;
  }
  const any = unionAll(sets);
  const keep = any.docs.map((doc) => (documents!.has(documentOf(doc)) ? 1 : 0));
  const docs = any.docs.filter((_, i) => keep[i] === 1);
  const scores = any.scores.filter((_, i) => keep[i] === 1);
  return { docs, scores };
}

function runStage(index: EmbeddedIndex, stage: Relaxation, sets: DocSet[]): DocSet {
  switch (stage.kind) {
    case 'fuzzy':
      return intersectAll(sets);
    case 'across-passages':
      return acrossPassages(index, sets);
    case 'some-words':
      return atLeast(sets, stage.minimumShouldMatch, index.maxDoc);
  }
}

export async function matchQuery(
  index: EmbeddedIndex,
  evaluation: Evaluation,
  query: SearchQuery,
): Promise<MatchedQuery> {
  const filter = (matches: DocSet) =>
    filterAndCount(index, withinRanges(index, matches, query), query, query.facets);
  const compiled = compileQuery(query.q);
  const strict = filter(compiled ? await evaluation.run(compiled) : emptySet());
  if (!compiled) {
    const stopwords = stopwordsOnly(query.q);
    return { compiled, filtered: strict, ...(stopwords ? { stopwordsOnly: stopwords } : {}) };
  }
  const words = strict.hits.docs.length < RELAX_WHEN_FEWER_THAN ? relaxableWords(query.q) : null;
  if (!words) return { compiled, filtered: strict };

  const clauses = wordQueries(words).map((text) => compileQuery(text)!);
  const strictSets: DocSet[] = [];
  for (const clause of clauses) strictSets.push(await evaluation.run(clause));
  const unknown = new Set(words.filter((_, i) => strictSets[i]!.docs.length === 0));
  const suggestions = wordSuggestions(query.q, unknown, (word) =>
    nearestIndexedWord(evaluation, word),
  );
  for (const stage of relaxationStages(words, unknown, query.groupBy === 'document')) {
    const stageClauses = stage.words.map((word, i): CompiledNode =>
      word.fuzzy
        ? { kind: 'fuzzy', word: word.fuzzy.exact, distance: word.fuzzy.distance, exact: true }
        : clauses[i]!,
    );
    const sets: DocSet[] = [];
    for (const [i, clause] of stageClauses.entries())
      sets.push(clause === clauses[i] ? strictSets[i]! : await evaluation.run(clause));
    const relaxed = filter(runStage(index, stage, sets));
    if (relaxed.hits.docs.length >= RELAX_WHEN_FEWER_THAN)
      return {
        compiled: { kind: 'bool', operator: 'or', clauses: stageClauses },
        filtered: relaxed,
        relaxed: stage,
        suggestions,
      };
  }
  return { compiled, filtered: strict, suggestions };
}
