// The composable index template for passage indices: mappings/passages.template.json with the
// mapping generated from the passage declaration (./mapping.ts) and the analysis settings merged in
// from their single source (mappings/analysis.json), plus a search-time analyzer that expands
// organisation acronyms to full names and back (organisationSynonyms()).
import { readFileSync } from 'node:fs';
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import { loadAnalysisSettings, type AnalysisSettings } from '../../analysis/definition.ts';
import { organisationSynonyms } from '../../entities/organisations.ts';
import { projectPath } from '../../project-files.ts';
import {
  EXACT_ANALYZER,
  EXACT_SEARCH_ANALYZER,
  INDEX_ANALYZER,
  passageMapping,
  SEARCH_ANALYZER,
} from './mapping.ts';

export const templatePath = projectPath('mappings', 'passages.template.json');
export const TEMPLATE_NAME = 'vraagbaak-passages';

const SYNONYM_FILTER = 'organisation_synonyms';

// Filters that change a word's form or add parts; the .exact subfield analyzer leaves them out.
const stemmingTypes = new Set([
  'stemmer',
  'stemmer_override',
  'snowball',
  'stop',
  'dictionary_decompounder',
]);

const TemplateFile = z.looseObject({
  index_patterns: z.array(z.string()),
  version: z.number().int(),
  template: z.looseObject({ settings: z.record(z.string(), z.unknown()) }),
});

export type IndexTemplate = z.infer<typeof TemplateFile> & {
  template: { mappings: estypes.MappingTypeMapping };
};

/** The analyzer's filters with the synonym graph inserted before the first form-changing filter. */
function withSynonyms(filters: string[], typeOf: (name: string) => string): string[] {
  const firstFormChanging = filters.findIndex((name) => stemmingTypes.has(typeOf(name)));
  const at = firstFormChanging === -1 ? filters.length : firstFormChanging;
  return [...filters.slice(0, at), SYNONYM_FILTER, ...filters.slice(at)];
}

/**
 * Adds to analysis.json's settings: the exact analyzer (when analysis.json lacks one) and, for each
 * of the two, a search analyzer with the organisation synonym graph right after lowercasing —
 * synonym rules are parsed by the filters before it, so stopwords in full names ("en") survive.
 * Unquoted words are analysed one by one (simple_query_string splits on whitespace), so `VLAIO`
 * finds the full name, and the quoted full name (the .exact subfield) finds `VLAIO`.
 */
export function withSearchAnalysis(
  settings: AnalysisSettings,
  synonyms: string[],
): AnalysisSettings['analysis'] {
  const { filter, analyzer } = settings.analysis;
  const typeOf = (name: string) => filter[name]?.type ?? name;
  const indexAnalyzer = analyzer[INDEX_ANALYZER];
  if (!indexAnalyzer) throw new Error(`analysis.json defines no "${INDEX_ANALYZER}" analyzer`);
  const exactAnalyzer = analyzer[EXACT_ANALYZER] ?? {
    ...indexAnalyzer,
    filter: indexAnalyzer.filter.filter((name) => !stemmingTypes.has(typeOf(name))),
  };
  // analysis.json may define the query analyzer (the index analyzer without decompounding).
  const searchAnalyzer = analyzer[SEARCH_ANALYZER] ?? indexAnalyzer;
  const searchFilters = (filters: string[]) =>
    synonyms.length > 0 ? withSynonyms(filters, typeOf) : filters;
  return {
    filter: {
      ...filter,
      ...(synonyms.length > 0 ? { [SYNONYM_FILTER]: { type: 'synonym_graph', synonyms } } : {}),
    },
    analyzer: {
      ...analyzer,
      [EXACT_ANALYZER]: exactAnalyzer,
      [SEARCH_ANALYZER]: { ...searchAnalyzer, filter: searchFilters(searchAnalyzer.filter) },
      [EXACT_SEARCH_ANALYZER]: { ...exactAnalyzer, filter: searchFilters(exactAnalyzer.filter) },
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
      mappings: passageMapping(),
    },
  };
}

export function toPutTemplateRequest(
  template: IndexTemplate,
): estypes.IndicesPutIndexTemplateRequest {
  return { name: TEMPLATE_NAME, ...template } as estypes.IndicesPutIndexTemplateRequest;
}
