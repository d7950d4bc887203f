// The composable index template for passage indices: mappings/passages.template.json with the
// analysis settings merged in from their single source (mappings/analysis.json), plus a search-time
// analyzer that expands organisation acronyms to full names and back (organisationSynonyms()).
import { readFileSync } from 'node:fs';
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import { loadAnalysisSettings, type AnalysisSettings } from '../../analysis/definition.ts';
import { organisationSynonyms } from '../../entities/organisations.ts';

export const templatePath = new URL('../../../mappings/passages.template.json', import.meta.url);
export const TEMPLATE_NAME = 'vraagbaak-passages';

/** Analyzer names the mapping refers to. */
const INDEX_ANALYZER = 'dutch_text';
const EXACT_ANALYZER = 'dutch_exact';
const SEARCH_ANALYZER = 'dutch_search';
const SYNONYM_FILTER = 'organisation_synonyms';

// Filters that change a word's form; the .exact subfield analyzer leaves them out.
const stemmingTypes = new Set(['stemmer', 'stemmer_override', 'snowball', 'stop']);

const TemplateFile = z.looseObject({
  index_patterns: z.array(z.string()),
  version: z.number().int(),
  template: z.looseObject({
    settings: z.record(z.string(), z.unknown()),
    mappings: z.record(z.string(), z.unknown()),
  }),
});

export type IndexTemplate = z.infer<typeof TemplateFile>;

/**
 * Adds to the index analyzer's settings: the exact analyzer (when analysis.json lacks one) and the
 * search analyzer, which is the index analyzer with the synonym graph right after lowercasing:
 * synonym rules are parsed by the filters before it, so stopwords in full names ("en") survive.
 */
export function withSearchAnalysis(
  settings: AnalysisSettings,
  synonyms: string[],
): AnalysisSettings['analysis'] {
  const { filter, analyzer } = settings.analysis;
  const indexAnalyzer = analyzer[INDEX_ANALYZER];
  if (!indexAnalyzer) throw new Error(`analysis.json defines no "${INDEX_ANALYZER}" analyzer`);
  const typeOf = (name: string) => filter[name]?.type ?? name;
  const firstFormChanging = indexAnalyzer.filter.findIndex((name) =>
    stemmingTypes.has(typeOf(name)),
  );
  const insertAt = firstFormChanging === -1 ? indexAnalyzer.filter.length : firstFormChanging;
  const searchFilters = [...indexAnalyzer.filter];
  if (synonyms.length > 0) searchFilters.splice(insertAt, 0, SYNONYM_FILTER);
  return {
    filter: {
      ...filter,
      ...(synonyms.length > 0 ? { [SYNONYM_FILTER]: { type: 'synonym_graph', synonyms } } : {}),
    },
    analyzer: {
      [EXACT_ANALYZER]: {
        ...indexAnalyzer,
        filter: indexAnalyzer.filter.filter((name) => !stemmingTypes.has(typeOf(name))),
      },
      ...analyzer,
      [SEARCH_ANALYZER]: { ...indexAnalyzer, filter: searchFilters },
    },
  };
}

export function loadIndexTemplate(
  analysis: AnalysisSettings = loadAnalysisSettings(),
  synonyms: string[] = organisationSynonyms(),
): IndexTemplate {
  const file = TemplateFile.parse(JSON.parse(readFileSync(templatePath, 'utf8')));
  return {
    ...file,
    template: {
      ...file.template,
      settings: { ...file.template.settings, analysis: withSearchAnalysis(analysis, synonyms) },
    },
  };
}

export function toPutTemplateRequest(
  template: IndexTemplate,
): estypes.IndicesPutIndexTemplateRequest {
  return { name: TEMPLATE_NAME, ...template } as estypes.IndicesPutIndexTemplateRequest;
}
