// The similar-questions search on the embedded index: the draft's salient terms
// (../similar/more-like-this.ts, engine-independent) as an OR of term queries with a minimum to
// match (evaluate.ts), then the filters search uses, and the passages grouped by document the way
// Elasticsearch's collapse does (best passage first, ties by passage id).
import type { IndexedPassage } from '../indexed-passage.ts';
import {
  minimumShouldMatch,
  salientTerms,
  type TermStatistics,
} from '../similar/more-like-this.ts';
import {
  documentFields,
  filterQuery,
  PASSAGES_PER_DOCUMENT,
  type SimilarHit,
  type SimilarQuery,
  type SimilarResult,
} from '../similar/similar-query.ts';
import { matchTerms, type MatchTargets } from './evaluate.ts';
import { facetFilters, passesRanges } from './facets.ts';
import { highlight } from './highlight.ts';
import type { PassageIndex } from './passage-index.ts';

interface Scored {
  passage: IndexedPassage;
  score: number;
}

const byScoreThenId = (a: Scored, b: Scored) =>
  b.score - a.score || (a.passage.id < b.passage.id ? -1 : a.passage.id > b.passage.id ? 1 : 0);

export function similarDocuments(index: PassageIndex, query: SimilarQuery): SimilarResult {
  const started = performance.now();
  const stats: TermStatistics = {
    passageCount: index.passageCount,
    documentFrequency: (field, term) => index.documentFrequency(field, term),
  };
  const terms = salientTerms(query.text, stats);
  const matches = matchTerms(index, terms, minimumShouldMatch(terms.length));

  const filters = filterQuery(query);
  const facets = facetFilters(filters);
  const scored: Scored[] = [];
  for (const [internalId, score] of matches) {
    const passage = index.passageAt(internalId);
    if (!passage || passage.documentId === query.excludeDocument) continue;
    if (!passesRanges(passage, filters) || !facets.every((f) => f.accepts(passage))) continue;
    scored.push({ passage, score });
  }
  scored.sort(byScoreThenId);

  const byDocument = new Map<string, Scored[]>();
  for (const hit of scored) {
    const passages = byDocument.get(hit.passage.documentId);
    if (passages) passages.push(hit);
    else byDocument.set(hit.passage.documentId, [hit]);
  }
  // Elasticsearch highlights the text with the terms queried on the text field.
  const targets: MatchTargets = {
    terms: new Set(terms.filter((t) => t.field === 'text').map((t) => t.term)),
    prefixes: [],
    phrases: [],
  };
  const hits = [...byDocument.values()]
    .slice(0, query.size)
    .map((passages) => toHit(index, passages, targets));
  return { total: byDocument.size, tookMs: Math.round(performance.now() - started), hits };
}

function toHit(index: PassageIndex, passages: Scored[], targets: MatchTargets): SimilarHit {
  const best = passages[0]!;
  const { passage } = best;
  return {
    ...documentFields(passage),
    score: best.score,
    answered: index.documentPassages(passage.documentId).some((p) => p.type === 'answer'),
    passages: passages.slice(0, PASSAGES_PER_DOCUMENT).map(({ passage: p, score }) => ({
      id: p.id,
      type: p.type,
      number: p.number,
      score,
      highlights: highlight(p.text, targets),
    })),
  };
}
