// The embedded inverted index: an Orama instance whose tokenizer is our analyzer
// (mappings/analysis.json), with the stemmed fields text/title and the unstemmed text.exact/
// title.exact that phrases match on, as in the Elasticsearch mapping. Orama keeps the term
// dictionary (a radix tree: exact and prefix lookups), postings and term frequencies; the passages
// themselves live in a Map beside it for filtering and faceting.
import {
  components,
  create,
  insertMultiple,
  load,
  removeMultiple,
  save,
  type Orama,
  type RawData,
} from '@orama/orama';
import type { Tokenizer } from '@orama/orama';
import { analyzeWith } from '../../analysis/analyzer.ts';
import type { IndexedPassage } from '../indexed-passage.ts';
import type { FieldStatistics } from './bm25.ts';
import { withinEdits } from './edit-distance.ts';

export const searchFields = ['text', 'title'] as const;
export type SearchField = (typeof searchFields)[number];
export type IndexField = SearchField | 'textExact' | 'titleExact';

export const exactField = { text: 'textExact', title: 'titleExact' } as const satisfies Record<
  SearchField,
  IndexField
>;

const analyzerOf: Record<IndexField, string> = {
  text: 'dutch_text',
  title: 'dutch_text',
  textExact: 'dutch_exact',
  titleExact: 'dutch_exact',
};

const schema = {
  text: 'string',
  title: 'string',
  textExact: 'string',
  titleExact: 'string',
} as const;

type OramaIndex = components.index.Index;

/** Terms of `text` as the index analyzes field `field` (stopwords left out). */
export function indexTerms(field: IndexField, text: string): string[] {
  const terms: string[] = [];
  for (const token of analyzeWith(analyzerOf[field], text)) {
    if (token.term !== null) terms.push(token.term);
  }
  return terms;
}

// Orama recounts a term's frequency once per occurrence (quadratic in field length) and stores it
// divided by the field length; we count each field once and keep raw counts, which BM25 needs.
const defaultIndex = components.index.createIndex();
const countedFields = new WeakSet<string[]>();
const indexComponent: typeof defaultIndex = {
  ...defaultIndex,
  insertTokenScoreParameters(index, prop, id, tokens) {
    if (countedFields.has(tokens)) return;
    countedFields.add(tokens);
    const counts: Record<string, number> = {};
    for (const token of tokens) counts[token] = (counts[token] ?? 0) + 1;
    const frequencies = index.frequencies[prop];
    if (frequencies) frequencies[id as number] = counts;
  },
  removeTokenScoreParameters() {
    // Document frequencies are read from the postings, so there is nothing to undo.
  },
};

/** What the embedded index stores on disk (see ./snapshot.ts). */
export interface PassageIndexData {
  /** Orama's own dump, without its document store (rebuilt from the passages). */
  orama: RawData;
  passages: IndexedPassage[];
  /** The unstemmed tokens of each passage's text (for phrases), as ids into exactTerms. */
  exactTerms: string[];
  /** Per passage id: the Int32Array of term ids, base64 (parses far faster than number arrays). */
  exactText: Record<string, string>;
}

type Row = Record<keyof typeof schema, string> & { id: string };

const toRow = (p: IndexedPassage): Row => ({
  id: p.id,
  text: p.text,
  title: p.title ?? '',
  textExact: p.text,
  titleExact: p.title ?? '',
});

export interface Posting {
  internalId: number;
  freq: number;
}

export class PassageIndex {
  private readonly db: Orama<typeof schema>;
  private readonly passages = new Map<string, IndexedPassage>();
  private readonly byInternalId: (IndexedPassage | undefined)[] = [];
  private readonly documents = new Map<string, Set<string>>();
  private readonly stats: Record<IndexField, FieldStatistics> = {
    text: { docCount: 0, sumTotalTermFreq: 0 },
    title: { docCount: 0, sumTotalTermFreq: 0 },
    textExact: { docCount: 0, sumTotalTermFreq: 0 },
    titleExact: { docCount: 0, sumTotalTermFreq: 0 },
  };

  /** Unstemmed tokens of each passage text as term ids, to verify phrases without re-analysis. */
  private readonly exactText: (Int32Array | undefined)[] = [];
  private readonly exactTermIds = new Map<string, number>();
  /** Analyses computed before an insert, handed to Orama's tokenizer call for the same text. */
  private readonly analysed = new Map<string, string[]>();
  private readonly titleTerms = new Map<string, string[]>();

  constructor() {
    const tokenizer: Tokenizer = {
      language: 'dutch',
      normalizationCache: new Map(),
      tokenize: (raw, _language, prop) => this.tokenize((prop ?? 'text') as IndexField, raw),
    };
    // Sorting is ours (score, date, id); Orama's sorter would keep every text a second time.
    this.db = create({
      schema,
      sort: { enabled: false },
      components: { tokenizer, index: indexComponent },
    });
  }

  private tokenize(field: IndexField, raw: string): string[] {
    if (field === 'textExact') {
      const terms = this.analysed.get(raw);
      if (terms) return terms.slice();
    }
    if (field === 'title' || field === 'titleExact') {
      // A document's title comes once per passage: analyse it once.
      const key = `${field}\u0000${raw}`;
      let terms = this.titleTerms.get(key);
      if (!terms) {
        if (this.titleTerms.size > 1000) this.titleTerms.clear();
        this.titleTerms.set(key, (terms = indexTerms(field, raw)));
      }
      return terms.slice(); // a fresh array: Orama's frequency counting is keyed on it
    }
    return indexTerms(field, raw);
  }

  private termId(term: string): number {
    let id = this.exactTermIds.get(term);
    if (id === undefined) this.exactTermIds.set(term, (id = this.exactTermIds.size));
    return id;
  }

  /** The passage text's unstemmed tokens as term ids; -1 for a term never indexed. */
  exactTokenIds(internalId: number): Int32Array | undefined {
    return this.exactText[internalId];
  }

  exactTermIdOf(term: string): number {
    return this.exactTermIds.get(term) ?? -1;
  }

  get passageCount(): number {
    return this.passages.size;
  }

  get documentCount(): number {
    return this.documents.size;
  }

  /** Replaces every passage of the given documents by the given passages. */
  async replaceDocuments(documentIds: string[], passages: IndexedPassage[]): Promise<void> {
    // Checked before anything changes, so a bad document leaves the index as it was.
    const seen = new Set<string>();
    for (const { id } of passages) {
      if (seen.has(id)) throw new Error(`passage id "${id}" occurs more than once`);
      seen.add(id);
    }
    const stale = documentIds.flatMap((id) => [...(this.documents.get(id) ?? [])]);
    if (stale.length > 0) {
      for (const id of stale) this.forget(id);
      await removeMultiple(this.db, stale);
    }
    const exact = passages.map((p) => indexTerms('textExact', p.text));
    passages.forEach((p, i) => this.analysed.set(p.text, exact[i] ?? []));
    try {
      await insertMultiple(this.db, passages.map(toRow), passages.length + 1);
    } finally {
      this.analysed.clear();
    }
    passages.forEach((passage, i) => {
      this.remember(passage);
      this.exactText[this.internalId(passage.id)] = Int32Array.from(exact[i] ?? [], (term) =>
        this.termId(term),
      );
    });
  }

  /** The index as plain data, for the snapshot on disk. */
  toData(): PassageIndexData {
    const raw = save(this.db);
    const exactText: Record<string, string> = {};
    for (const passage of this.passages.values()) {
      const ids = this.exactText[this.internalId(passage.id)] ?? new Int32Array();
      exactText[passage.id] = Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength).toString(
        'base64',
      );
    }
    return {
      orama: { ...raw, docs: { docs: {}, count: 0 } },
      passages: [...this.passages.values()],
      exactTerms: [...this.exactTermIds.keys()],
      exactText,
    };
  }

  static fromData(data: PassageIndexData): PassageIndex {
    const index = new PassageIndex();
    load(index.db, data.orama);
    const store = index.db.data.docs as { docs: Record<number, Row>; count: number };
    data.exactTerms.forEach((term) => index.termId(term));
    for (const passage of data.passages) {
      const internalId = index.internalId(passage.id);
      store.docs[internalId] = toRow(passage);
      store.count++;
      index.remember(passage);
      const bytes = Buffer.from(data.exactText[passage.id] ?? '', 'base64');
      index.exactText[internalId] = new Int32Array(new Uint8Array(bytes).buffer);
    }
    return index;
  }

  private remember(passage: IndexedPassage): void {
    const internalId = this.internalId(passage.id);
    this.passages.set(passage.id, passage);
    this.byInternalId[internalId] = passage;
    let ids = this.documents.get(passage.documentId);
    if (!ids) this.documents.set(passage.documentId, (ids = new Set()));
    ids.add(passage.id);
    this.updateStats(internalId, 1);
  }

  private forget(id: string): void {
    const passage = this.passages.get(id);
    if (!passage) return;
    const internalId = this.internalId(id);
    this.updateStats(internalId, -1);
    this.passages.delete(id);
    this.byInternalId[internalId] = undefined;
    this.exactText[internalId] = undefined;
    const ids = this.documents.get(passage.documentId);
    ids?.delete(id);
    if (ids?.size === 0) this.documents.delete(passage.documentId);
  }

  private updateStats(internalId: number, sign: 1 | -1): void {
    for (const field of Object.keys(this.stats) as IndexField[]) {
      const length = this.fieldLength(field, internalId);
      if (length === 0) continue;
      this.stats[field].docCount += sign;
      this.stats[field].sumTotalTermFreq += sign * length;
    }
  }

  private get index(): OramaIndex {
    return this.db.data.index as OramaIndex;
  }

  private internalId(id: string): number {
    return components.internalDocumentIDStore.getInternalDocumentId(
      this.db.internalDocumentIDStore,
      id,
    );
  }

  fieldStats(field: IndexField): FieldStatistics {
    return this.stats[field];
  }

  fieldLength(field: IndexField, internalId: number): number {
    return this.index.fieldLengths[field]?.[internalId] ?? 0;
  }

  /** Postings of one term; with `prefix`, of every term starting with it, merged. */
  postings(field: IndexField, term: string, prefix = false): Posting[] {
    const tree = this.index.indexes[field];
    if (!tree || tree.type !== 'Radix' || term === '') return [];
    const found = tree.node.find({ term, exact: !prefix });
    const frequencies = this.index.frequencies[field] ?? {};
    const merged = new Map<number, number>();
    for (const [word, ids] of Object.entries(found)) {
      for (const internalId of ids) {
        const freq = frequencies[internalId]?.[word] ?? 0;
        merged.set(internalId, (merged.get(internalId) ?? 0) + freq);
      }
    }
    return [...merged].map(([internalId, freq]) => ({ internalId, freq }));
  }

  /** Passages whose `field` holds `term` (the primitive the similar-questions search needs). */
  documentFrequency(field: IndexField, term: string): number {
    const tree = this.index.indexes[field];
    if (!tree || tree.type !== 'Radix' || term === '') return 0;
    return tree.node.find({ term, exact: true })[term]?.length ?? 0;
  }

  /** Terms within `distance` edits of `term` (for fuzzy queries). */
  similarTerms(field: IndexField, term: string, distance: number): string[] {
    const tree = this.index.indexes[field];
    if (!tree || tree.type !== 'Radix' || term === '') return [];
    // Orama's own tolerant lookup both misses neighbours and adds every word the term is a prefix
    // of, so the dictionary is scanned instead (cheap next to the rarity of fuzzy queries).
    return Object.keys(tree.node.find({ term: '', exact: false })).filter((word) =>
      withinEdits(term, word, distance),
    );
  }

  passageAt(internalId: number): IndexedPassage | undefined {
    return this.byInternalId[internalId];
  }

  allInternalIds(): number[] {
    const ids: number[] = [];
    this.byInternalId.forEach((passage, internalId) => {
      if (passage) ids.push(internalId);
    });
    return ids;
  }

  allPassages(): IterableIterator<IndexedPassage> {
    return this.passages.values();
  }

  documentPassages(documentId: string): IndexedPassage[] {
    const ids = this.documents.get(documentId) ?? new Set<string>();
    return [...ids].flatMap((id) => this.passages.get(id) ?? []);
  }
}
