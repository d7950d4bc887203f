// Text analysis interpreted from mappings/analysis.json: tokenizer → token filters, like a
// Lucene analyzer, so the TypeScript index (Orama) and Elasticsearch analyse text the same way.
import { loadAnalysisSettings, type AnalysisSettings } from './definition.ts';
import { createFilter, type AnalysisToken, type TokenFilter } from './filters.ts';
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

const tokenizers: Record<string, (text: string) => Token[]> = { standard: standardTokenize };

// Filters that Elasticsearch knows by name without a definition under analysis.filter.
const builtInFilters: Record<string, { type: string }> = {
  lowercase: { type: 'lowercase' },
  asciifolding: { type: 'asciifolding' },
};

export const defaultAnalyzerName = 'dutch_text';

/** Builds the named analyzer of the given settings (by default mappings/analysis.json). */
export function createAnalyzer(
  name: string = defaultAnalyzerName,
  settings: AnalysisSettings = loadAnalysisSettings(),
): Analyzer {
  const definition = settings.analysis.analyzer[name];
  if (!definition) throw new Error(`analyzer "${name}" is not defined in the analysis settings`);
  const tokenize = tokenizers[definition.tokenizer];
  if (!tokenize)
    throw new Error(`analyzer "${name}": tokenizer "${definition.tokenizer}" is not supported`);
  const filters: TokenFilter[] = definition.filter.map((filterName) => {
    const filterDefinition = settings.analysis.filter[filterName] ?? builtInFilters[filterName];
    if (!filterDefinition)
      throw new Error(`analyzer "${name}": filter "${filterName}" is not defined`);
    return createFilter(filterName, filterDefinition);
  });
  return (text) => {
    let tokens: AnalysisToken[] = tokenize(text).map((token) => ({
      ...token,
      term: token.text,
      keyword: false,
    }));
    for (const filter of filters) tokens = filter(tokens);
    return tokens.map(({ text, term, start, end, position }) => ({
      text,
      term,
      start,
      end,
      position,
    }));
  };
}

const analyzers = new Map<string, Analyzer>();

/** Runs the named analyzer of mappings/analysis.json (built once, then cached). */
export function analyzeWith(name: string, text: string): AnalyzedToken[] {
  let analyzer = analyzers.get(name);
  if (!analyzer) {
    analyzer = createAnalyzer(name);
    analyzers.set(name, analyzer);
  }
  return analyzer(text);
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
