// Token filters, each built from its Elasticsearch definition and keyed by `type`, as in Lucene:
// a filter maps a token stream to a token stream. Removed tokens stay in the stream with term
// null (Lucene leaves a position gap), so callers can still show stopwords.
import { stemmer as dutchStemmer } from '@orama/stemmers/dutch';
import { z } from 'zod';
import type { FilterDefinition } from './definition.ts';
import asciiFolding from './ascii-folding.json' with { type: 'json' };
import { namedStopwords } from './stopwords.ts';

export interface AnalysisToken {
  text: string;
  /** Current term; null once a filter removed the token. */
  term: string | null;
  start: number;
  end: number;
  position: number;
  /** Protected from stemming (set by stemmer_override, as Lucene's KeywordAttribute). */
  keyword: boolean;
}

export type TokenFilter = (tokens: AnalysisToken[]) => AnalysisToken[];

/** A copy of `token` with another term (built field by field: every token keeps one shape). */
const tokenWithTerm = (token: AnalysisToken, term: string): AnalysisToken => ({
  text: token.text,
  term,
  start: token.start,
  end: token.end,
  position: token.position,
  keyword: token.keyword,
});

/** Applies fn to every live token's term; fn returning null removes the token. */
function mapTerms(fn: (term: string, token: AnalysisToken) => string | null): TokenFilter {
  return (tokens) => {
    for (const token of tokens) {
      if (token.term !== null) token.term = fn(token.term, token);
    }
    return tokens;
  };
}

// Java lowercases per code point (Character.toLowerCase); JS's String#toLowerCase is
// context-sensitive for a few letters (final sigma, dotted capital I), so those go one by one.
function javaLowerCase(term: string): string {
  const lower = term.toLowerCase();
  if (lower.length === term.length && !/[Σς]/u.test(term)) return lower;
  let out = '';
  for (const char of term) out += char === 'İ' ? 'i' : char === 'Σ' ? 'σ' : char.toLowerCase();
  return out;
}

const folding: Readonly<Record<string, string>> = asciiFolding;
const nonAscii = /[\u0080-\uffff]/u;

/** Lucene's ASCIIFoldingFilter.foldToASCII, per UTF-16 unit (table: scripts/generate-ascii-folding.ts). */
export function foldToAscii(term: string): string {
  if (!nonAscii.test(term)) return term;
  let out = '';
  for (let i = 0; i < term.length; i++) out += folding[term[i]!] ?? term[i];
  return out;
}

const AsciiFoldingDefinition = z.object({ preserve_original: z.literal(false).default(false) });

const StopDefinition = z.object({
  stopwords: z.union([z.string(), z.array(z.string())]).default('_english_'),
  ignore_case: z.boolean().default(false),
});

function stopFilter(definition: FilterDefinition): TokenFilter {
  const { stopwords, ignore_case } = StopDefinition.parse(definition);
  const list = typeof stopwords === 'string' ? namedStopwords[stopwords] : stopwords;
  if (!list) throw new Error(`stop filter: unknown stop word set "${String(stopwords)}"`);
  const set = new Set(ignore_case ? list.map((word) => word.toLowerCase()) : list);
  return mapTerms((term) => (set.has(ignore_case ? term.toLowerCase() : term) ? null : term));
}

/**
 * A long generated list (the lexicon's 8,000 rules, its 7,000 compound parts) checked in one pass:
 * z.array(z.string()) builds a result per entry, 20–30 ms of CPU at every start of `vraagbaak
 * analyze` for lists that only need to hold strings.
 */
const StringList = z.custom<string[]>(
  (value) => Array.isArray(value) && value.every((entry) => typeof entry === 'string'),
  'a list of strings',
);

const StemmerOverrideDefinition = z.object({ rules: StringList });

/** Rules in Solr syntax "fiets, fietsen => fiets"; the replacement is marked keyword. */
function stemmerOverrideFilter(definition: FilterDefinition): TokenFilter {
  const overrides = new Map<string, string>();
  // Parsed with indexOf and slice, not split/map/destructuring: the generated lexicon's 8,000 rules
  // (22,000 words) are read at every start of `vraagbaak analyze`, and the array-making version
  // took 3–7× the CPU time.
  for (const rule of StemmerOverrideDefinition.parse(definition).rules) {
    const arrow = rule.indexOf('=>');
    const from = rule.slice(0, arrow).trim();
    const to = rule.slice(arrow + 2).trim();
    if (arrow < 0 || !from || !to || rule.includes('=>', arrow + 2))
      throw new Error(`stemmer_override: invalid rule "${rule}"`);
    // Lucene's builder keeps the first rule for a word.
    for (let start = 0; start <= from.length;) {
      const comma = from.indexOf(',', start);
      const end = comma < 0 ? from.length : comma;
      const word = from.slice(start, end).trim();
      if (!overrides.has(word)) overrides.set(word, to);
      start = end + 1;
    }
  }
  return mapTerms((term, token) => {
    // Like Lucene's StemmerOverrideFilter, a token an earlier override already set is left alone.
    if (token.keyword) return term;
    const override = overrides.get(term);
    if (override === undefined) return term;
    token.keyword = true;
    return override;
  });
}

const StemmerDefinition = z.object({ language: z.enum(['dutch']) });

// Cache stems: a corpus repeats its vocabulary, and a Map lookup is far cheaper than stemming.
const stemCacheLimit = 100_000;

function stemmerFilter(definition: FilterDefinition): TokenFilter {
  StemmerDefinition.parse(definition);
  const cache = new Map<string, string>();
  return mapTerms((term, token) => {
    if (token.keyword) return term;
    let stem = cache.get(term);
    if (stem === undefined) {
      if (cache.size >= stemCacheLimit) cache.clear();
      stem = dutchStemmer(term);
      cache.set(term, stem);
    }
    return stem;
  });
}

// Lucene's CompoundWordTokenFilterBase defaults, which Elasticsearch's settings fall back to.
const DictionaryDecompounderDefinition = z.object({
  word_list: StringList,
  min_word_size: z.number().int().nonnegative().default(5),
  min_subword_size: z.number().int().nonnegative().default(2),
  max_subword_size: z.number().int().nonnegative().default(15),
  only_longest_match: z.boolean().default(false),
});

/**
 * The words as a trie over their UTF-16 units, flat in typed arrays: walking a Map per node was the
 * costliest analysis filter when indexing (bench/results.md, fourth pass). Nodes are numbered
 * breadth first, so a node's children are the contiguous nodes firstChild..firstChild +
 * childCount - 1, in ascending order of the unit that leads to them.
 */
interface FlatTrie {
  /** The UTF-16 unit on the edge into each node. */
  unit: Uint16Array;
  firstChild: Int32Array;
  childCount: Int32Array;
  /** 1 where a dictionary word ends. */
  word: Uint8Array;
}

const trieRoot = 0;
const noNode = -1;

function flatTrieOf(words: readonly string[]): FlatTrie {
  // Sorted (by UTF-16 unit, JavaScript's default), the words below a node are one run, split into
  // one run per child, and the word ending at the node (if any) comes first in its run.
  const sorted = [...words].sort();
  const capacity = sorted.reduce((sum, word) => sum + word.length, 1);
  const trie: FlatTrie = {
    unit: new Uint16Array(capacity),
    firstChild: new Int32Array(capacity),
    childCount: new Int32Array(capacity),
    word: new Uint8Array(capacity),
  };
  // Breadth-first queue of nodes as runs [from, to) of `sorted` sharing a prefix of `depth` units.
  const runFrom = [0];
  const runTo = [sorted.length];
  const runDepth = [0];
  for (let node = 0; node < runFrom.length; node++) {
    const depth = runDepth[node]!;
    let from = runFrom[node]!;
    const to = runTo[node]!;
    while (from < to && sorted[from]!.length === depth) {
      trie.word[node] = 1;
      from++;
    }
    trie.firstChild[node] = runFrom.length;
    while (from < to) {
      const unit = sorted[from]!.charCodeAt(depth);
      let end = from + 1;
      while (end < to && sorted[end]!.charCodeAt(depth) === unit) end++;
      trie.unit[runFrom.length] = unit;
      runFrom.push(from);
      runTo.push(end);
      runDepth.push(depth + 1);
      from = end;
    }
    trie.childCount[node] = runFrom.length - trie.firstChild[node]!;
  }
  return trie;
}

/** The child of `node` along `unit` (binary search of its sorted children), or noNode. */
function childOf(trie: FlatTrie, node: number, unit: number): number {
  let low = trie.firstChild[node]!;
  let high = low + trie.childCount[node]! - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = trie.unit[middle]!;
    if (found === unit) return middle;
    if (found < unit) low = middle + 1;
    else high = middle - 1;
  }
  return noNode;
}

/**
 * Lucene's DictionaryCompoundWordTokenFilter as Elasticsearch 9.2 (Lucene 10.3) builds it for
 * dictionary_decompounder: after a token of at least min_word_size UTF-16 units come, at the same
 * position and offsets, the dictionary words found in it — at every start, each length from min
 * to max subword size — the whole word included when it is in the dictionary itself. With
 * only_longest_match, only the longest word at a start, and the search goes on after it (Lucene
 * 10.3's onlyLongestMatchNoSubwords: no "vang" inside "opvang").
 */
function dictionaryDecompounderFilter(definition: FilterDefinition): TokenFilter {
  const settings = DictionaryDecompounderDefinition.parse(definition);
  const { min_word_size, min_subword_size, max_subword_size, only_longest_match } = settings;
  const dictionary = flatTrieOf(settings.word_list);
  const subwords = (term: string): string[] => {
    const found: string[] = [];
    for (let i = 0; i <= term.length - min_subword_size; i++) {
      let longest: string | undefined;
      // The words starting at i, found by walking the trie (no word goes on past a dead end).
      let node = trieRoot;
      for (let j = 1; j <= max_subword_size && i + j <= term.length; j++) {
        node = childOf(dictionary, node, term.charCodeAt(i + j - 1));
        if (node === noNode) break;
        if (j < min_subword_size || dictionary.word[node] === 0) continue;
        const candidate = term.slice(i, i + j);
        if (!only_longest_match) found.push(candidate);
        else if (longest === undefined || longest.length < j) longest = candidate;
      }
      if (longest !== undefined) {
        found.push(longest);
        i += longest.length - 1;
      }
    }
    return found;
  };
  return (tokens) => {
    const out: AnalysisToken[] = [];
    for (const token of tokens) {
      out.push(token);
      if (token.term === null || token.term.length < min_word_size) continue;
      for (const term of subwords(token.term)) out.push(tokenWithTerm(token, term));
    }
    return out;
  };
}

const filterFactories: Record<string, (definition: FilterDefinition) => TokenFilter> = {
  lowercase: () => mapTerms(javaLowerCase),
  asciifolding: (definition) => {
    AsciiFoldingDefinition.parse(definition);
    return mapTerms(foldToAscii);
  },
  stop: stopFilter,
  stemmer_override: stemmerOverrideFilter,
  stemmer: stemmerFilter,
  dictionary_decompounder: dictionaryDecompounderFilter,
};

export function createFilter(name: string, definition: FilterDefinition): TokenFilter {
  const factory = filterFactories[definition.type];
  if (!factory) throw new Error(`filter "${name}": type "${definition.type}" is not supported`);
  return factory(definition);
}
