// The default search backend: in-process, on our own compact index (./embedded-index.ts: immutable
// segments of typed arrays), persisted under VRAAGBAAK_DATA_DIR (default ./data) as a binary
// snapshot, so a restart does not re-index, and a snapshot written by another process (the
// `vraagbaak index` CLI beside a running server) is noticed and swapped in. It answers the query
// model like the Elasticsearch backend (the reference): same query syntax, scoring, facets, paging.
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
import { checkQueryBounds } from '../query-bounds.ts';
import {
  effectiveSort,
  emptyFacets,
  emptyFacetTotals,
  MAX_PAGE_SIZE,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../query.ts';
import { MAX_RESULT_WINDOW, hasNextPage } from '../rules.ts';
import { matchTargets } from './compile.ts';
import { EmbeddedIndex } from './embedded-index.ts';
import { Evaluation } from './evaluate.ts';
import { pageHits } from './page-hits.ts';
import { QueryBudget } from './query-budget.ts';
import { collapse, firstHits, sortKeys, sortPoint, topK } from './ranking.ts';
import { matchQuery } from './relaxed-search.ts';
import { SegmentBuilder } from './segment-builder.ts';
import { dateNumber } from './segment.ts';
import {
  readSnapshot,
  removeSnapshot,
  snapshotIdentity,
  snapshotPath,
  writeSnapshot,
} from './snapshot.ts';
import { similarDocuments } from './similar.ts';
import type { SimilarQuery, SimilarResult } from '../similar/similar-query.ts';
import { suggestions } from './suggest.ts';

export interface EmbeddedBackendOptions {
  /** Where the index is kept (the `dataDir` setting). */
  dataDir: string;
}

/** Documents indexed between two yields to the event loop, so searches keep being answered. */
const YIELD_EVERY = 50;
/** Passages per segment while indexing; each sealed segment becomes searchable. */
const SEGMENT_PASSAGES = 20_000;
/** How often a search checks whether another process wrote a newer snapshot. */
const SNAPSHOT_CHECK_MS = 1_000;

const isoDate = (yyyymmdd: number) =>
  `${String(Math.floor(yyyymmdd / 10_000)).padStart(4, '0')}-${String(Math.floor(yyyymmdd / 100) % 100).padStart(2, '0')}-${String(yyyymmdd % 100).padStart(2, '0')}`;

export class EmbeddedBackend implements SearchBackend {
  readonly name = 'embedded' as const;
  readonly dataDir: string;
  private live = EmbeddedIndex.empty();
  private loadError: string | null = null;
  private readonly loaded: Promise<void>;
  /** Index runs and saves, one after the other. */
  private writing: Promise<unknown> = Promise.resolve();
  /** The snapshot file this process last read or wrote (see refresh()). */
  private knownSnapshot: string | null = null;
  private lastCheck = 0;
  private reloading: Promise<void> | null = null;

  constructor(options: EmbeddedBackendOptions) {
    this.dataDir = options.dataDir;
    this.loaded = this.load();
  }

  /** Opens the index stored in dataDir (or an empty one). */
  static async open(options: EmbeddedBackendOptions): Promise<EmbeddedBackend> {
    const backend = new EmbeddedBackend(options);
    await backend.loaded;
    return backend;
  }

  private async load(): Promise<void> {
    const identity = await snapshotIdentity(this.dataDir);
    try {
      const index = await readSnapshot(this.dataDir);
      this.live = index ?? EmbeddedIndex.empty();
      this.loadError = null;
    } catch (error) {
      this.loadError = `the embedded index could not be loaded: ${(error as Error).message}; rebuild it (vraagbaak index --rebuild)`;
    }
    this.knownSnapshot = identity;
    this.lastCheck = Date.now();
  }

  /** Swaps in a snapshot another process wrote since this one last read or wrote it. */
  private async refresh(): Promise<void> {
    if (Date.now() - this.lastCheck < SNAPSHOT_CHECK_MS) return;
    this.lastCheck = Date.now();
    this.reloading ??= (async () => {
      const identity = await snapshotIdentity(this.dataDir);
      if (identity !== null && identity !== this.knownSnapshot) await this.load();
    })().finally(() => (this.reloading = null));
    await this.reloading;
  }

  private async ready(): Promise<EmbeddedIndex> {
    await this.loaded;
    await this.refresh();
    if (this.loadError !== null) throw new BackendUnavailableError(this.loadError);
    return this.live;
  }

  index(
    documents: AsyncIterable<DocumentRecord>,
    options: IndexOptions = {},
  ): Promise<IndexReport> {
    const run = this.writing.then(() => this.indexNow(documents, options));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async indexNow(
    documents: AsyncIterable<DocumentRecord>,
    options: IndexOptions,
  ): Promise<IndexReport> {
    await this.loaded;
    const rebuild = options.mode === 'rebuild';
    if (!rebuild && this.loadError !== null) throw new BackendUnavailableError(this.loadError);
    let target = rebuild ? EmbeddedIndex.empty() : this.live;
    const report: IndexReport = { documents: 0, passages: 0, failures: [] };
    let batch = new Batch(target);
    const seal = () => {
      target = batch.sealInto(target);
      if (!rebuild) this.live = target;
      batch = new Batch(target);
    };
    for await (const document of documents) {
      try {
        const passages = toIndexedPassages(document);
        batch.add(document.id, passages);
        report.documents++;
        report.passages += passages.length;
      } catch (error) {
        report.failures.push({ documentId: document.id, reason: (error as Error).message });
      }
      options.onProgress?.({ documents: report.documents, passages: report.passages });
      if (batch.size >= SEGMENT_PASSAGES) seal();
      if (report.documents % YIELD_EVERY === 0) await new Promise((r) => setImmediate(r));
    }
    seal();
    this.live = target;
    this.loadError = null;
    await this.save(target);
    return report;
  }

  private async save(index: EmbeddedIndex): Promise<void> {
    try {
      await writeSnapshot(this.dataDir, index);
      this.knownSnapshot = await snapshotIdentity(this.dataDir);
    } catch (error) {
      throw new Error(
        `the index was updated in memory but NOT saved to ${snapshotPath(this.dataDir)} (${(error as Error).message}); this process serves it until it stops, the next successful index run saves it`,
        { cause: error },
      );
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const index = await this.ready();
    const { compiled, evaluation, keys, counts, explained } = await rank(
      index,
      query,
      query.facets,
    );
    const byDate = effectiveSort(query) === 'date';
    const grouped = query.groupBy === 'document';
    const cursor = query.after === undefined ? null : decodeCursor(query.after, query);
    let page: number[];
    let total: number;
    let seenBefore: number;
    let hitsOfDocument: ((i: number) => number) | null = null;
    if (grouped) {
      const documents = collapse(index, keys);
      hitsOfDocument = documents.hitsOfDocument;
      seenBefore = cursor ? cursor.seen : offsetOf(query);
      page = topK(keys, documents.best, seenBefore + query.size).slice(seenBefore);
      total = documents.best.length;
    } else if (cursor?.after) {
      const [value, id] = cursor.after;
      const point = sortPoint(
        index,
        typeof value === 'string' ? dateNumber(value) : Number(value),
        String(id),
      );
      page = firstHits(index, keys, query.size, byDate, point);
      total = keys.docs.length;
      seenBefore = cursor.seen;
    } else {
      seenBefore = cursor ? cursor.seen : offsetOf(query);
      page = firstHits(index, keys, seenBefore + query.size, byDate).slice(seenBefore);
      total = keys.docs.length;
    }
    const seen = seenBefore + page.length;
    const last = page.at(-1);
    const sortValue = (i: number) => (byDate ? isoDate(keys.values[i]!) : keys.scores[i]!);
    const nextCursor =
      last !== undefined && hasNextPage(seen, total)
        ? encodeCursor({
            sort: query.sort,
            grouped,
            seen,
            ...(grouped ? {} : { after: [sortValue(last), index.passageId(keys.docs[last]!)] }),
          })
        : null;
    const hit = pageHits(
      index,
      query.highlight ? matchTargets(compiled, evaluation.expansions) : null,
    );
    return {
      total,
      tookMs: Math.round(performance.now() - started),
      hits: page.map((i) =>
        hit(keys.docs[i]!, byDate ? null : keys.scores[i]!, hitsOfDocument?.(i)),
      ),
      facets: counts?.facets ?? emptyFacets(),
      facetTotals: counts?.facetTotals ?? emptyFacetTotals(),
      histogram: counts?.histogram ?? [],
      nextCursor,
      ...explained,
    };
  }

  async similar(query: SimilarQuery): Promise<SimilarResult> {
    return similarDocuments(await this.ready(), query);
  }

  /**
   * Every hit ranked once, then handed out MAX_PAGE_SIZE at a time with a turn of the event loop
   * between pages; paging with the cursor instead would match and sort the whole query per page.
   */
  async *scan(query: SearchQuery): AsyncGenerator<SearchHit[]> {
    const index = await this.ready();
    const { keys } = await rank(index, query, false);
    const byDate = effectiveSort(query) === 'date';
    const order = firstHits(index, keys, keys.docs.length, byDate);
    for (let from = 0; from < order.length; from += MAX_PAGE_SIZE) {
      const hit = pageHits(index, null);
      yield order
        .slice(from, from + MAX_PAGE_SIZE)
        .map((i) => hit(keys.docs[i]!, byDate ? null : keys.scores[i]!));
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
    return { documents: index.documentCount, passages: index.liveCount };
  }

  async clear(): Promise<void> {
    await this.loaded;
    const run = this.writing.then(async () => {
      this.live = EmbeddedIndex.empty();
      this.loadError = null;
      await removeSnapshot(this.dataDir);
      this.knownSnapshot = null;
    });
    this.writing = run.catch(() => undefined);
    await run;
  }

  async close(): Promise<void> {
    await this.loaded;
    await this.writing;
  }
}

/** Passages of one index run not yet sealed into a segment. */
class Batch {
  private readonly builder: SegmentBuilder;
  private readonly byDocument = new Map<string, number[]>();
  private readonly superseded: number[] = [];

  constructor(index: EmbeddedIndex) {
    this.builder = new SegmentBuilder(index.dictionaries);
  }

  get size(): number {
    return this.builder.size;
  }

  /** Adds a document's passages, replacing any it had (checked first, so a bad one adds none). */
  add(documentId: string, passages: IndexedPassage[]): void {
    const seen = new Set<string>();
    for (const { id } of passages) {
      if (seen.has(id)) throw new Error(`passage id "${id}" occurs more than once`);
      seen.add(id);
    }
    this.superseded.push(...(this.byDocument.get(documentId) ?? []));
    this.byDocument.set(
      documentId,
      passages.map((passage) => this.builder.add(passage)),
    );
  }

  sealInto(index: EmbeddedIndex): EmbeddedIndex {
    if (this.byDocument.size === 0) return index;
    return index.withSegment(this.builder.seal(), new Set(this.byDocument.keys()), this.superseded);
  }
}

/** The query's hits (text, ranges, facet filters) with their sort keys, and the facet counts if asked. */
async function rank(index: EmbeddedIndex, query: SearchQuery, countFacets: boolean) {
  checkQueryBounds(query.q);
  const evaluation = new Evaluation(index, new QueryBudget());
  const { compiled, filtered, ...explained } = await matchQuery(index, evaluation, {
    ...query,
    facets: countFacets,
  });
  const keys = sortKeys(index, filtered.hits, effectiveSort(query) === 'date');
  return { compiled, evaluation, keys, counts: filtered.counts, explained };
}

function offsetOf(query: SearchQuery): number {
  const from = (query.page - 1) * query.size;
  if (from + query.size > MAX_RESULT_WINDOW) throw beyondResultWindow();
  return from;
}
