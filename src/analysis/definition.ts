// The analysis settings in Elasticsearch index-settings syntax (mappings/analysis.json):
// the same file goes verbatim into the Elasticsearch index and is interpreted by ./analyzer.ts.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../project-files.ts';

// A filter is either the name of a built-in ("lowercase") or one defined under analysis.filter.
const FilterDefinition = z.looseObject({ type: z.string() });
export type FilterDefinition = z.infer<typeof FilterDefinition>;

const AnalyzerDefinition = z.object({
  type: z.literal('custom'),
  tokenizer: z.string(),
  filter: z.array(z.string()).default([]),
});
export type AnalyzerDefinition = z.infer<typeof AnalyzerDefinition>;

export const AnalysisSettings = z.object({
  analysis: z.object({
    filter: z.record(z.string(), FilterDefinition).default({}),
    analyzer: z.record(z.string(), AnalyzerDefinition),
  }),
});
export type AnalysisSettings = z.infer<typeof AnalysisSettings>;

export const analysisSettingsPath = projectPath('mappings', 'analysis.json');

export function loadAnalysisSettings(path: URL | string = analysisSettingsPath): AnalysisSettings {
  return AnalysisSettings.parse(JSON.parse(readFileSync(path, 'utf8')));
}
