// Text analysis interpreted from mappings/analysis.json: tokenizer → token filters, like a
// Lucene analyzer, so the embedded index and Elasticsearch analyse text the same way.
// Every filter of the settings works token by token (a decompounder adds its parts at the token's
// position and offsets), so by default a text is tokenized by the Latin fast path
// (./latin-tokenizer.ts) and each distinct word goes through the filters once, its result cached.
// The reference analyzer (`{ reference: true }`) runs the tokenizer and the filters over the whole
// stream, as written; tests/analysis/analyzer-fast-path.test.ts checks both agree on the corpus.
import { LRUCache } from 'lru-cache';
import { loadAnalysisSettings, type AnalysisSettings } from './definition.ts';
import { createFilter, type AnalysisToken, type TokenFilter } from './filters.ts';
import { tokenizeStandard } from './latin-tokenizer.ts';
import { standardTokenize, type Token } from './tokenizer.ts';

export interface AnalyzedToken {
  /** The token as it stands in the text. */
  text: string;
  /** The indexed term; null for a removed token (a stopword). */
  term: string | null;
  start: number;
  end: number;
  position: number;
}

export type Analyzer = (text: string) => AnalyzedToken[];

export interface AnalyzerOptions {
  /** The reference: the reference tokenizer and the filters over the whole stream, no cache. */
  reference?: boolean;
}

const tokenizers: Record<
  string,
  { reference: (text: string) => Token[]; fast: (text: string) => Token[] }
> = {
  standard: { reference: standardTokenize, fast: tokenizeStandard },
};

// Filters that Elasticsearch knows by name without a definition under analysis.filter.
const builtInFilters: Record<string, { type: string }> = {
  lowercase: { type: 'lowercase' },
  asciifolding: { type: 'asciifolding' },
};

export const defaultAnalyzerName = 'dutch_text';

/**
 * Distinct words whose analysis is kept per analyzer, the most recently used: a language's most
 * frequent words make up most of any text, and the cache stays small in a server's memory.
 */
const WORD_CACHE_SIZE = 20_000;

/** The filters' output for one word, its offsets and position relative to the word. */
type WordAnalysis = readonly AnalyzedToken[];

/** The named analyzer's tokenizer and its filters run over a token stream. */
function analyzerParts(name: string, settings: AnalysisSettings) {
  const definition = settings.analysis.analyzer[name];
  if (!definition) throw new Error(`analyzer "${name}" is not defined in the analysis settings`);
  const tokenizer = tokenizers[definition.tokenizer];
  if (!tokenizer)
    throw new Error(`analyzer "${name}": tokenizer "${definition.tokenizer}" is not supported`);
  const filters: TokenFilter[] = definition.filter.map((filterName) => {
    const filterDefinition = settings.analysis.filter[filterName] ?? builtInFilters[filterName];
    if (!filterDefinition)
      throw new Error(`analyzer "${name}": filter "${filterName}" is not defined`);
    return createFilter(filterName, filterDefinition);
  });
  const filtered = (tokens: Token[]): AnalyzedToken[] => {
    let stream: AnalysisToken[] = tokens.map(({ text, start, end, position }) => ({
      text,
      term: text,
      start,
      end,
      position,
      keyword: false,
    }));
    for (const filter of filters) stream = filter(stream);
    return stream.map(({ text, term, start, end, position }) => ({
      text,
      term,
      start,
      end,
      position,
    }));
  };
  /** The filters' output for one word, offsets and positions relative to it (not cached). */
  const filteredWord = (word: string): AnalyzedToken[] =>
    filtered([{ text: word, start: 0, end: word.length, position: 0 }]);
  return { tokenizer, filtered, filteredWord };
}

/** Builds the named analyzer of the given settings (by default mappings/analysis.json). */
export function createAnalyzer(
  name: string = defaultAnalyzerName,
  settings: AnalysisSettings = loadAnalysisSettings(),
  options: AnalyzerOptions = {},
): Analyzer {
  const parts = analyzerParts(name, settings);
  if (options.reference) return (text) => parts.filtered(parts.tokenizer.reference(text));
  return fastAnalyzer(parts);
}

/** The fast path: the fast tokenizer, then each distinct word through the filters once (cached). */
function fastAnalyzer({ tokenizer, filteredWord }: ReturnType<typeof analyzerParts>): Analyzer {
  const words = new LRUCache<string, WordAnalysis>({ max: WORD_CACHE_SIZE });
  const analyzeWord = (word: string): WordAnalysis => {
    let analysis = words.get(word);
    if (analysis === undefined) {
      analysis = filteredWord(word);
      words.set(word, analysis);
    }
    return analysis;
  };
  return (text) => {
    const out: AnalyzedToken[] = [];
    for (const token of tokenizer.fast(text)) {
      for (const derived of analyzeWord(token.text)) {
        out.push({
          text: derived.text,
          term: derived.term,
          start: token.start + derived.start,
          end: token.start + derived.end,
          position: token.position + derived.position,
        });
      }
    }
    return out;
  };
}

/**
 * The analyzers of mappings/analysis.json by name, each built once (settings read, filters made)
 * and shared by analyzeWith and analyzeWordWith.
 */
const named = new Map<string, { parts: ReturnType<typeof analyzerParts>; analyzer: Analyzer }>();

function namedAnalyzer(name: string) {
  let entry = named.get(name);
  if (!entry) {
    const parts = analyzerParts(name, loadAnalysisSettings());
    entry = { parts, analyzer: fastAnalyzer(parts) };
    named.set(name, entry);
  }
  return entry;
}

/** Runs the named analyzer of mappings/analysis.json (built once, then cached). */
export function analyzeWith(name: string, text: string): AnalyzedToken[] {
  return namedAnalyzer(name).analyzer(text);
}

/**
 * The tokens the named analyzer of mappings/analysis.json makes of one token's text (`word`, as
 * its tokenizer gave it), relative to that token: what the fast path computes per distinct word,
 * without its cache, for callers that keep their own per distinct word (the segment builder).
 */
export function analyzeWordWith(name: string, word: string): AnalyzedToken[] {
  return namedAnalyzer(name).parts.filteredWord(word);
}

/** Analyses text with the index analyzer dutch_text. */
export function analyze(text: string): AnalyzedToken[] {
  return analyzeWith(defaultAnalyzerName, text);
}

/** The indexed terms of text, stopwords left out. */
export function analyzeTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of analyze(text)) if (token.term !== null) terms.push(token.term);
  return terms;
}
