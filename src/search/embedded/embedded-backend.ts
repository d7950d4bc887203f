// The default search backend: in-process, on Orama (./passage-index.ts), persisted under
// VRAAGBAAK_DATA_DIR (default ./data) so a restart does not re-index. It answers the query model
// like the Elasticsearch backend (the reference): same query syntax, scoring, facets, paging.
import type { DocumentRecord } from '../../model/document.ts';
import {
  BackendUnavailableError,
  type BackendStats,
  type IndexOptions,
  type IndexReport,
  type SearchBackend,
  type Suggestion,
} from '../backend.ts';
import { beyondResultWindow, decodeCursor, encodeCursor } from '../cursor.ts';
import { fromIndexedPassages, toIndexedPassages, type IndexedPassage } from '../indexed-passage.ts';
import {
  effectiveSort,
  emptyFacets,
  emptyFacetTotals,
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../query.ts';
import { evaluate, parseTextQuery, type Matches, type MatchTargets } from './evaluate.ts';
import { countFacets, facetFilters, passesRanges } from './facets.ts';
import { highlight } from './highlight.ts';
import { PassageIndex } from './passage-index.ts';
import { readSnapshot, removeSnapshot, snapshotPath, writeSnapshot } from './snapshot.ts';
import { suggestions } from './suggest.ts';

export interface EmbeddedBackendOptions {
  /** Where the index is kept; default VRAAGBAAK_DATA_DIR or ./data. */
  dataDir?: string;
}

interface Scored {
  passage: IndexedPassage;
  score: number;
}

interface Sorted extends Scored {
  key: SortKey;
}

const UNDATED = '0001-01-01';
/** Documents indexed between two yields to the event loop, so searches keep being answered. */
const YIELD_EVERY = 50;

export class EmbeddedBackend implements SearchBackend {
  readonly name = 'embedded' as const;
  readonly dataDir: string;
  private live = new PassageIndex();
  private loadError: string | null = null;
  private readonly loaded: Promise<void>;
  private saving: Promise<void> = Promise.resolve();

  constructor(options: EmbeddedBackendOptions = {}) {
    this.dataDir = options.dataDir ?? process.env.VRAAGBAAK_DATA_DIR ?? './data';
    this.loaded = this.load();
  }

  /** Opens the index stored in dataDir (or an empty one). */
  static async open(options: EmbeddedBackendOptions = {}): Promise<EmbeddedBackend> {
    const backend = new EmbeddedBackend(options);
    await backend.loaded;
    return backend;
  }

  private async load(): Promise<void> {
    try {
      const data = await readSnapshot(this.dataDir);
      if (data) this.live = PassageIndex.fromData(data);
    } catch (error) {
      this.loadError = `the embedded index could not be loaded: ${(error as Error).message}; rebuild it (vraagbaak index --rebuild)`;
    }
  }

  private async ready(): Promise<PassageIndex> {
    await this.loaded;
    if (this.loadError !== null) throw new BackendUnavailableError(this.loadError);
    return this.live;
  }

  async index(
    documents: AsyncIterable<DocumentRecord>,
    options: IndexOptions = {},
  ): Promise<IndexReport> {
    await this.loaded;
    const rebuild = options.mode === 'rebuild';
    if (!rebuild && this.loadError !== null) throw new BackendUnavailableError(this.loadError);
    const target = rebuild ? new PassageIndex() : this.live;
    const report: IndexReport = { documents: 0, passages: 0, failures: [] };
    for await (const document of documents) {
      try {
        const passages = toIndexedPassages(document);
        await target.replaceDocuments([document.id], passages);
        report.documents++;
        report.passages += passages.length;
      } catch (error) {
        report.failures.push({ documentId: document.id, reason: (error as Error).message });
      }
      options.onProgress?.({ documents: report.documents, passages: report.passages });
      if (report.documents % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
    }
    if (rebuild) {
      this.live = target;
      this.loadError = null;
    }
    await this.save();
    return report;
  }

  /** Writes the live index; saves run one after the other, and a failed one does not block the next. */
  private async save(): Promise<void> {
    const index = this.live;
    const write = this.saving.then(() => writeSnapshot(this.dataDir, index.toData()));
    this.saving = write.catch(() => undefined);
    try {
      await write;
    } catch (error) {
      throw new Error(
        `the index is up to date in memory but could not be saved to ${snapshotPath(this.dataDir)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const index = await this.ready();
    const { candidates, targets } = matchingCandidates(index, query);
    const filters = facetFilters(query);
    const { facets, facetTotals, histogram } = query.facets
      ? countFacets(
          candidates.map((c) => c.passage),
          filters,
          query,
        )
      : { facets: emptyFacets(), facetTotals: emptyFacetTotals(), histogram: [] };
    const hits = candidates
      .filter((c) => filters.every((filter) => filter.accepts(c.passage)))
      .map((hit) => ({ ...hit, key: sortKey(hit, query) }))
      .sort((a, b) => compareKeys(a.key, b.key));

    const page =
      query.groupBy === 'document' ? pageOfDocuments(hits, query) : pageOfPassages(hits, query);
    const grouped = query.groupBy === 'document';
    const seen = page.seenBefore + page.hits.length;
    const last = page.hits.at(-1);
    const nextCursor =
      last && seen < page.total
        ? encodeCursor({
            sort: query.sort,
            grouped,
            seen,
            ...(grouped ? {} : { after: last.key }),
          })
        : null;
    return {
      total: page.total,
      tookMs: Math.round(performance.now() - started),
      hits: page.hits.map((hit) => toHit(hit, query, targets)),
      facets,
      facetTotals,
      histogram,
      nextCursor,
    };
  }

  /**
   * Every hit ranked once, then handed out a page at a time with a turn of the event loop between
   * pages; paging with the cursor instead would match and sort the whole query again per page.
   */
  async *scan(query: SearchQuery): AsyncGenerator<SearchHit[]> {
    const index = await this.ready();
    const { candidates, targets } = matchingCandidates(index, query);
    const filters = facetFilters(query);
    const hits = candidates
      .filter((c) => filters.every((filter) => filter.accepts(c.passage)))
      .map((hit) => ({ ...hit, key: sortKey(hit, query) }))
      .sort((a, b) => compareKeys(a.key, b.key));
    const bare = { ...query, highlight: false };
    for (let from = 0; from < hits.length; from += MAX_PAGE_SIZE) {
      yield hits.slice(from, from + MAX_PAGE_SIZE).map((hit) => toHit(hit, bare, targets));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    const index = await this.ready();
    return fromIndexedPassages(index.documentPassages(id));
  }

  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    const index = await this.ready();
    return suggestions(index, prefix, limit);
  }

  async stats(): Promise<BackendStats> {
    const index = await this.ready();
    return { documents: index.documentCount, passages: index.passageCount };
  }

  async clear(): Promise<void> {
    await this.loaded;
    this.live = new PassageIndex();
    this.loadError = null;
    await this.saving;
    await removeSnapshot(this.dataDir);
  }

  async close(): Promise<void> {
    await this.loaded;
    await this.saving;
  }
}

/** Passages matching the text and the ranges, before any facet filter (the facets count them). */
function matchingCandidates(
  index: PassageIndex,
  query: SearchQuery,
): { candidates: Scored[]; targets: MatchTargets } {
  const { matches, targets } = matchText(index, query.q);
  const candidates: Scored[] = [];
  for (const [internalId, score] of matches) {
    const passage = index.passageAt(internalId);
    if (passage && passesRanges(passage, query)) candidates.push({ passage, score });
  }
  return { candidates, targets };
}

function matchText(index: PassageIndex, q: string): { matches: Matches; targets: MatchTargets } {
  const noTargets: MatchTargets = { terms: new Set(), prefixes: [], phrases: [] };
  if (q.trim() === '') return { matches: evaluate(index, { kind: 'all' }), targets: noTargets };
  const { root, targets } = parseTextQuery(q);
  return { matches: root ? evaluate(index, root) : new Map(), targets };
}

/** Where a hit stands in the sort order: [score or date, id], as Elasticsearch's sort values. */
type SortKey = [number | string, string];

function sortKey(hit: Scored, query: SearchQuery): SortKey {
  return effectiveSort(query) === 'date'
    ? [hit.passage.date ?? UNDATED, hit.passage.id]
    : [hit.score, hit.passage.id];
}

/** Descending on the first value (score or date), ascending on the id. */
function compareKeys([a, idA]: SortKey, [b, idB]: SortKey): number {
  if (a !== b) return a < b ? 1 : -1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

interface Page {
  hits: (Sorted & { matchingPassages?: number })[];
  total: number;
  seenBefore: number;
}

function offsetOf(query: SearchQuery): number {
  const from = (query.page - 1) * query.size;
  if (from + query.size > MAX_RESULT_WINDOW) throw beyondResultWindow();
  return from;
}

function pageOfPassages(hits: Sorted[], query: SearchQuery): Page {
  const cursor = query.after === undefined ? null : decodeCursor(query.after, query);
  if (cursor?.after) {
    const [value, id] = cursor.after;
    const after: SortKey = [value ?? '', String(id)];
    const start = hits.findIndex((hit) => compareKeys(hit.key, after) > 0);
    const rest = start === -1 ? [] : hits.slice(start, start + query.size);
    return { hits: rest, total: hits.length, seenBefore: cursor.seen };
  }
  const from = cursor ? cursor.seen : offsetOf(query);
  return { hits: hits.slice(from, from + query.size), total: hits.length, seenBefore: from };
}

/** Collapses passages to the best one per document (the first in sort order). */
function pageOfDocuments(hits: Sorted[], query: SearchQuery): Page {
  const best = new Map<string, Sorted & { matchingPassages: number }>();
  for (const hit of hits) {
    const group = best.get(hit.passage.documentId);
    if (group) group.matchingPassages++;
    else best.set(hit.passage.documentId, { ...hit, matchingPassages: 1 });
  }
  const documents = [...best.values()];
  const cursor = query.after === undefined ? null : decodeCursor(query.after, query);
  const from = cursor ? cursor.seen : offsetOf(query);
  return {
    hits: documents.slice(from, from + query.size),
    total: documents.length,
    seenBefore: from,
  };
}

function toHit(
  hit: Scored & { matchingPassages?: number },
  query: SearchQuery,
  targets: MatchTargets,
): SearchHit {
  const { passage } = hit;
  const result: SearchHit = {
    id: passage.id,
    documentId: passage.documentId,
    type: passage.type,
    number: passage.number,
    title: passage.title,
    date: passage.date,
    themes: passage.themes,
    asker: passage.asker,
    party: passage.party,
    minister: passage.minister,
    score: effectiveSort(query) === 'date' ? null : hit.score,
    highlights: query.highlight ? highlight(passage.text, targets) : [],
    entities: passage.entities.filter((e) => e.type === 'organisation' || e.type === 'amount'),
  };
  if (hit.matchingPassages !== undefined) result.matchingPassages = hit.matchingPassages;
  return result;
}
