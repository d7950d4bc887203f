// Evaluates a compiled query (./compile.ts) on the index, the way Elasticsearch runs
// simple_query_string over `text` and `title^2` (most_fields: per-field scores summed):
//   term   → BM25 on the stemmed fields; every position must match in one field (alternatives at
//            a position: any); or one of the organisation's other names as a phrase
//   fuzzy  → the dictionary words within the edit distance (at most FUZZY_MAX_EXPANSIONS), BM25
//   prefix → lowercased, unstemmed prefix against the stemmed terms, constant score
//   phrase → positions in the postings of text.exact/title.exact, BM25 over the phrase
//            frequency (sloppy: 1/(1 + distance) per match, like Lucene)
//   bool   → AND: intersection, OR: union; scores add up. NOT → everything else, score 1.
// Document frequencies count live passages only; Evaluation.docFreq exposes them to callers.
import { FUZZY_MAX_EXPANSIONS, textFieldBoosts, textFieldNames, type TextField } from '../rules.ts';
import { bm25, bm25Scores, idf, lengthNormalisation } from './bm25.ts';
import type { CompiledNode, Phrase } from './compile.ts';
import {
  docsInBoth,
  emptySet,
  exclude,
  intersectAll,
  scaled,
  union,
  unionAll,
  type DocSet,
} from './doc-set.ts';
import { withinEdits } from './edit-distance.ts';
import type { EmbeddedIndex } from './embedded-index.ts';
import type { QueryBudget } from './query-budget.ts';
import { readPositions } from './posting-positions.ts';
import { phraseCandidates } from './phrase-candidates.ts';
import { gallop } from './sorted-search.ts';
import { exactField, prefixRange, termId, type FieldData, type IndexField } from './segment.ts';

export class Evaluation {
  /** What each fuzzy leaf expanded to (highlighted as matches). */
  readonly expansions = new Map<CompiledNode, string[]>();
  /** Leaf results already computed for this query (a query may repeat a word or prefix). */
  private readonly memo = new Map<string, DocSet>();
  private readonly similar = new Map<string, string[]>();
  /**
   * While an AND evaluates its phrases: the passages its other clauses all matched. A phrase is
   * checked only there; results outside are dropped by the AND anyway. Null: everywhere.
   */
  private within: Int32Array | null = null;

  constructor(
    readonly index: EmbeddedIndex,
    private readonly budget: QueryBudget,
  ) {}

  /**
   * The passages matching `node` with their scores. Asynchronous so a long search lets the server
   * answer other requests between steps (QueryBudget.yieldDue).
   */
  async run(node: CompiledNode): Promise<DocSet> {
    if (this.budget.yieldDue()) await this.budget.yieldNow();
    switch (node.kind) {
      case 'all':
        return this.everything(1);
      case 'not':
        return exclude(this.everything(0), await this.run(node.node), 1);
      case 'bool': {
        if (node.operator === 'and') return this.and(node.clauses);
        const sets: DocSet[] = [];
        for (const clause of node.clauses) sets.push(await this.run(clause));
        return unionAll(sets);
      }
      case 'term':
        return this.perField(async (field) => {
          const all = intersectAll(
            node.phrase.alternatives.map((terms) =>
              unionAll(terms.map((t) => this.termScores(field, t))),
            ),
          );
          const names: DocSet[] = [];
          for (const name of node.names)
            names.push(await this.phraseScores(field, name.stemmed, 0));
          return unionAll([all, ...names]);
        });
      case 'fuzzy':
        return this.perField(async (textField) => {
          // Relaxed matching compares unknown words with the words as written (the exact field).
          const field = node.exact ? exactField[textField] : textField;
          const terms = this.similarTerms(field, node.word, node.distance);
          this.expansions.set(node, [...new Set([...(this.expansions.get(node) ?? []), ...terms])]);
          return this.memoised(`fuzzy\u0000${field}\u0000${node.distance}\u0000${node.word}`, () =>
            unionAll(terms.map((term) => this.termScores(field, term))),
          );
        });
      case 'prefix':
        return this.perField(async (field) => {
          const key = `prefix\u0000${field}\u0000${node.prefix}`;
          return (
            this.memo.get(key) ?? this.remember(key, await this.prefixMatches(field, node.prefix))
          );
        });
      case 'phrase':
        return this.perField(async (field) => {
          const sets: DocSet[] = [];
          for (const variant of node.variants)
            sets.push(await this.phraseScores(exactField[field], variant, node.slop));
          return unionAll(sets);
        });
    }
  }

  private memoised(key: string, compute: () => DocSet): DocSet {
    return this.memo.get(key) ?? this.remember(key, compute());
  }

  private remember(key: string, result: DocSet): DocSet {
    this.memo.set(key, result);
    return result;
  }

  /** Every live passage with `score`, made once per index value (sets are never changed in place). */
  private everything(score: number): DocSet {
    const key = `everything:${score}`;
    let all = this.index.memo.get(key) as DocSet | undefined;
    if (!all) {
      const docs = this.index.liveDocs();
      all = { docs, scores: new Float64Array(docs.length).fill(score) };
      this.index.memo.set(key, all);
    }
    return all;
  }

  private async and(clauses: CompiledNode[]): Promise<DocSet> {
    // Negations are applied as exclusions (each still adds its match-all score of 1).
    const matched = new Map<CompiledNode, DocSet>();
    for (const clause of clauses)
      if (clause.kind !== 'not' && clause.kind !== 'phrase')
        matched.set(clause, await this.run(clause));
    // Phrases last, looked for only in passages every other clause matched (the rest cannot be
    // hits): checking a phrase decodes each candidate's tokens, a query's costliest step.
    const outer = this.within;
    if (matched.size > 0)
      this.within = [...matched.values()].reduce(
        (docs, set) => (docs ? docsInBoth(docs, set.docs) : set.docs),
        outer,
      );
    try {
      for (const clause of clauses)
        if (clause.kind === 'phrase') matched.set(clause, await this.run(clause));
    } finally {
      this.within = outer;
    }
    // Intersected in clause order, as before, so the scores add up in the same order.
    const positive = clauses.filter((clause) => clause.kind !== 'not').map((c) => matched.get(c)!);
    let result = positive.length > 0 ? intersectAll(positive) : this.everything(0);
    for (const clause of clauses)
      if (clause.kind === 'not') result = exclude(result, await this.run(clause.node), 1);
    return result;
  }

  /** Runs a per-field query on text and title and sums the boosted scores (most_fields). */
  private async perField(fieldMatches: (field: TextField) => Promise<DocSet>): Promise<DocSet> {
    let result = emptySet();
    for (const field of textFieldNames)
      result = union(result, scaled(await fieldMatches(field), textFieldBoosts[field]));
    return result;
  }

  private normalisation(field: IndexField): Float64Array {
    const key = `norms:${field}`;
    let cached = this.index.memo.get(key) as Float64Array | undefined;
    if (!cached) this.index.memo.set(key, (cached = lengthNormalisation(this.index.stats[field])));
    return cached;
  }

  /** Live passages containing `term` in `field`, with its frequency and the field's norm byte. */
  private postings(field: IndexField, term: string) {
    const { index } = this;
    let capacity = 0;
    const ids = index.segments.map((segment) => {
      const data = segment.fields[field];
      const id = termId(data, term);
      if (id !== -1) capacity += data.postingStarts[id + 1]! - data.postingStarts[id]!;
      return id;
    });
    const docs = new Int32Array(capacity);
    const freqs = new Uint16Array(capacity);
    const norms = new Uint8Array(capacity);
    let n = 0;
    index.segments.forEach((segment, s) => {
      const id = ids[s]!;
      if (id === -1) return;
      const data = segment.fields[field];
      const dead = index.deleted[s]!;
      const base = index.bases[s]!;
      for (let p = data.postingStarts[id]!; p < data.postingStarts[id + 1]!; p++) {
        const doc = data.postingDocs[p]!;
        if (dead[doc]) continue;
        docs[n] = base + doc;
        freqs[n] = data.postingFreqs[p]!;
        norms[n++] = data.norms[doc]!;
      }
    });
    this.budget.tick(capacity);
    return { docs: docs.subarray(0, n), freqs, norms };
  }

  /** Live passages with `term` in `field` (counted, no postings copied). */
  docFreq(field: IndexField, term: string): number {
    const { index } = this;
    let count = 0;
    index.segments.forEach((segment, s) => {
      const data = segment.fields[field];
      const id = termId(data, term);
      if (id === -1) return;
      const [start, end] = [data.postingStarts[id]!, data.postingStarts[id + 1]!];
      if (index.deletedCounts[s] === 0) return (count += end - start);
      const dead = index.deleted[s]!;
      for (let p = start; p < end; p++) if (!dead[data.postingDocs[p]!]) count++;
    });
    return count;
  }

  termScores(field: IndexField, term: string): DocSet {
    return this.memoised(`term\u0000${field}\u0000${term}`, () =>
      this.computeTermScores(field, term),
    );
  }

  private computeTermScores(field: IndexField, term: string): DocSet {
    const { docs, freqs, norms } = this.postings(field, term);
    const weight = idf(docs.length, this.index.stats[field]);
    return {
      docs,
      scores: bm25Scores(weight, freqs, norms, this.normalisation(field), docs.length),
    };
  }

  private async prefixMatches(field: TextField, prefix: string): Promise<DocSet> {
    const { index } = this;
    // A bit per passage (an eighth of a byte array's zeroing and scanning, which dominated).
    const marked = new Int32Array((index.maxDoc + 31) >>> 5);
    let count = 0;
    for (const [s, segment] of index.segments.entries()) {
      const data = segment.fields[field];
      const dead = index.deleted[s]!;
      const base = index.bases[s]!;
      const [from, to] = prefixRange(data, prefix);
      for (let t = from; t < to; t++) {
        if (this.budget.yieldDue()) await this.budget.yieldNow();
        const end = data.postingStarts[t + 1]!;
        this.budget.tick(end - data.postingStarts[t]!);
        for (let p = data.postingStarts[t]!; p < end; p++) {
          const local = data.postingDocs[p]!;
          const doc = base + local;
          const bit = 1 << (doc & 31);
          if (dead[local] || marked[doc >>> 5]! & bit) continue;
          marked[doc >>> 5]! |= bit;
          count++;
        }
      }
    }
    const docs = new Int32Array(count);
    let n = 0;
    for (let word = 0; word < marked.length && n < count; word++) {
      // Lowest set bit first: ascending passage numbers.
      for (let bits = marked[word]!; bits !== 0; bits &= bits - 1)
        docs[n++] = (word << 5) + 31 - Math.clz32(bits & -bits);
    }
    return { docs, scores: new Float64Array(count).fill(1) };
  }

  /**
   * Dictionary words within `distance` edits of `word` (Lucene's FuzzyQuery counts a transposition
   * as one edit), nearest first then in dictionary order, at most FUZZY_MAX_EXPANSIONS of them.
   * Only words of a length within `distance` of the word's are compared.
   */
  similarTerms(field: IndexField, word: string, distance: number): string[] {
    const key = `${field}\u0000${distance}\u0000${word}`;
    let terms = this.similar.get(key);
    if (!terms) this.similar.set(key, (terms = this.findSimilarTerms(field, word, distance)));
    return terms;
  }

  private findSimilarTerms(field: IndexField, word: string, distance: number): string[] {
    const found = new Map<string, number>();
    for (const segment of this.index.segments) {
      const data = segment.fields[field];
      const buckets = lengthBuckets(data);
      for (let length = word.length - distance; length <= word.length + distance; length++) {
        const ids = buckets.get(length);
        if (!ids) continue;
        this.budget.tick(ids.length);
        for (const id of ids) {
          const term = data.terms[id]!;
          if (found.has(term) || !withinEdits(word, term, distance)) continue;
          found.set(term, term === word ? 0 : withinEdits(word, term, 1) ? 1 : 2);
        }
      }
    }
    return [...found]
      .sort(([a, da], [b, db]) => da - db || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, FUZZY_MAX_EXPANSIONS)
      .map(([term]) => term);
  }

  /** A phrase on `field` (positions from the forward index), BM25 over its frequency. */
  async phraseScores(field: IndexField, phrase: Phrase, slop: number): Promise<DocSet> {
    const { alternatives, offsets } = phrase;
    if (alternatives.length === 0) return emptySet();
    if (alternatives.length === 1)
      return unionAll(alternatives[0]!.map((t) => this.termScores(field, t)));
    const stats = this.index.stats[field];
    const frequencies = alternatives.map((terms) => terms.map((term) => this.docFreq(field, term)));
    this.budget.tick(frequencies.flat().reduce((sum, docFreq) => sum + docFreq, 0));
    // The phrase's idf is the sum of its terms' (Lucene's PhraseWeight).
    const weight = frequencies.flat().reduce((sum, docFreq) => sum + idf(docFreq, stats), 0);
    const anywhere = phraseCandidates(this.index, field, alternatives, frequencies);
    const candidates = this.within ? docsInBoth(anywhere, this.within) : anywhere;
    const normalisation = this.normalisation(field);
    const docs = new Int32Array(candidates.length);
    const scores = new Float64Array(candidates.length);
    let n = 0;
    let segmentIndex = -1;
    let data: FieldData | null = null;
    /** Per phrase position and alternative: its term's posting row [cursor, end) in this segment. */
    let rows: { cursor: number; end: number }[][] = [];
    const positions = alternatives.map((): number[] => []);
    for (const doc of candidates) {
      const [segment, local, s] = this.index.locate(doc);
      if (s !== segmentIndex) {
        segmentIndex = s;
        const fieldData = (data = segment.fields[field]);
        rows = alternatives.map((terms) =>
          terms.map((term) => {
            const id = termId(fieldData, term);
            return id === -1
              ? { cursor: 0, end: 0 }
              : { cursor: fieldData.postingStarts[id]!, end: fieldData.postingStarts[id + 1]! };
          }),
        );
      }
      if (this.budget.yieldDue()) await this.budget.yieldNow();
      rows.forEach((row, k) => {
        const list = positions[k]!;
        list.length = 0;
        for (const alternative of row) {
          alternative.cursor = gallop(
            data!.postingDocs,
            local,
            alternative.cursor,
            alternative.end,
          );
          if (
            alternative.cursor < alternative.end &&
            data!.postingDocs[alternative.cursor] === local
          )
            readPositions(data!, alternative.cursor, list);
        }
        if (row.length > 1) list.sort((a, b) => a - b);
      });
      // Each start of the phrase tries up to 1 + slop places per following position.
      this.budget.tick(1 + positions[0]!.length * (1 + slop) * (positions.length - 1));
      const freq = phraseFrequency(positions, offsets, slop);
      if (freq > 0) {
        docs[n] = doc;
        scores[n++] = bm25(weight, freq, normalisation[data!.norms[local]!]!);
      }
    }
    return { docs: docs.subarray(0, n), scores: scores.subarray(0, n) };
  }
}

const buckets = new WeakMap<FieldData, Map<number, number[]>>();

/** The field's term ids by term length (built once per segment). */
function lengthBuckets(data: FieldData): Map<number, number[]> {
  let byLength = buckets.get(data);
  if (!byLength) {
    byLength = new Map();
    data.terms.forEach((term, id) => {
      const list = byLength!.get(term.length);
      if (list) list.push(id);
      else byLength!.set(term.length, [id]);
    });
    buckets.set(data, byLength);
  }
  return byLength;
}

/** Whether the ascending `positions` hold `position` (a number[]: ./sorted-search.ts stays on Int32Array). */
function holds(positions: number[], position: number): boolean {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < position) low = middle + 1;
    else high = middle;
  }
  return positions[low] === position;
}

/**
 * Occurrences of the phrase in a passage, given per phrase position the (ascending) positions of
 * the passage's tokens that may stand there. With slop, a match may spread over up to `slop`
 * extra positions, weighted 1/(1 + distance) like Lucene's sloppy phrase frequency.
 */
export function phraseFrequency(positions: number[][], offsets: number[], slop: number): number {
  let freq = 0;
  let lastStart = -1;
  for (const start of positions[0]!) {
    if (start === lastStart) continue;
    lastStart = start;
    let position = start;
    let distance = 0;
    let matched = true;
    for (let i = 1; i < positions.length && matched; i++) {
      const gap = offsets[i]! - offsets[i - 1]!;
      let next = position + gap;
      while (!holds(positions[i]!, next) && next - position - gap < slop) next++;
      if (!holds(positions[i]!, next)) matched = false;
      distance += next - position - gap;
      position = next;
    }
    if (matched && distance <= slop) freq += 1 / (1 + distance);
  }
  return freq;
}
