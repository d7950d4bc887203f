// The similar-questions search on the embedded index: the draft's salient terms
// (../similar/more-like-this.ts, engine-independent) as SHOULD term clauses with a minimum to match
// (BM25 per term, as Elasticsearch's more_like_this query scores them), then the filters search
// uses, and the passages grouped by document the way Elasticsearch's collapse with inner_hits does
// (documents by their best passage; per document its best passages; ties by passage id).
import { minimumShouldMatch, salientTerms } from '../similar/more-like-this.ts';
import { hitDocumentFields } from '../search-result.ts';
import {
  filterQuery,
  PASSAGES_PER_DOCUMENT,
  type SimilarHit,
  type SimilarQuery,
  type SimilarResult,
} from '../similar/similar-query.ts';
import type { MatchTargets } from './compile.ts';
import { atLeast, exclude, type DocSet } from './doc-set.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import { Evaluation } from './evaluate.ts';
import { filterAndCount, withinRanges } from './facets.ts';
import { highlight } from './highlight.ts';
import { QueryBudget } from './query-budget.ts';
import { collapse, sortKeys, topK, type SortKeys } from './ranking.ts';

export function similarDocuments(index: EmbeddedIndex, query: SimilarQuery): SimilarResult {
  const started = performance.now();
  const evaluation = new Evaluation(index, new QueryBudget());
  const terms = salientTerms(query.text, {
    passageCount: index.liveCount,
    documentFrequency: (field, term) => evaluation.docFreq(field, term),
  });
  const matches = atLeast(
    terms.map(({ field, term }) => evaluation.termScores(field, term)),
    minimumShouldMatch(terms.length),
    index.maxDoc,
  );
  const filters = filterQuery(query);
  const { hits } = filterAndCount(
    index,
    withinRanges(index, withoutDocument(index, matches, query.excludeDocument), filters),
    filters,
    false,
  );
  const keys = sortKeys(index, hits, false);
  const documents = collapse(index, keys);
  const top = topK(keys, documents.best, query.size);
  // Elasticsearch highlights the text with the terms queried on the text field.
  const targets: MatchTargets = {
    terms: new Set(terms.filter((t) => t.field === 'text').map((t) => t.term)),
    prefixes: [],
    phrases: [],
  };
  const passagesOf = hitsByDocument(index, keys, top);
  return {
    total: documents.best.length,
    tookMs: Math.round(performance.now() - started),
    hits: top.map((best) =>
      toHit(
        index,
        keys,
        topK(keys, passagesOf.get(documentOf(index, keys.docs[best]!))!, PASSAGES_PER_DOCUMENT),
        targets,
      ),
    ),
  };
}

/** The matches minus the passages of `documentId` (asking for documents like a document). */
function withoutDocument(index: EmbeddedIndex, matches: DocSet, documentId?: string): DocSet {
  if (documentId === undefined) return matches;
  const docs = Int32Array.from(index.documentDocs(documentId));
  return exclude(matches, { docs, scores: new Float64Array(docs.length) }, 0);
}

const documentOf = (index: EmbeddedIndex, doc: number) => index.keywordIds('document', doc)[0]!;

/** The hits (indices into keys) of each of the chosen documents. */
function hitsByDocument(
  index: EmbeddedIndex,
  keys: SortKeys,
  chosen: number[],
): Map<number, number[]> {
  const byDocument = new Map(chosen.map((i) => [documentOf(index, keys.docs[i]!), [] as number[]]));
  for (let i = 0; i < keys.docs.length; i++)
    byDocument.get(documentOf(index, keys.docs[i]!))?.push(i);
  return byDocument;
}

function toHit(
  index: EmbeddedIndex,
  keys: SortKeys,
  passages: number[],
  targets: MatchTargets,
): SimilarHit {
  const shown = passages.map((i) => ({ doc: keys.docs[i]!, score: keys.scores[i]! }));
  const stored = shown.map(({ doc }) => index.passage(doc));
  const best = stored[0]!;
  return {
    ...hitDocumentFields(best),
    score: shown[0]!.score,
    answered: isAnswered(index, best.documentId),
    passages: stored.map((p, k) => ({
      id: p.id,
      type: p.type,
      number: p.number,
      score: shown[k]!.score,
      highlights: highlight(index, shown[k]!.doc, p.text, targets),
    })),
  };
}

function isAnswered(index: EmbeddedIndex, documentId: string): boolean {
  const answer = index.dictionaries.type.idOf('answer');
  return (
    answer !== undefined &&
    index.documentDocs(documentId).some((doc) => index.keywordIds('type', doc).includes(answer))
  );
}
