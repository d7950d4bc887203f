// The analysis settings in Elasticsearch index-settings syntax (mappings/analysis.json):
// the same file goes verbatim into the Elasticsearch index and is interpreted by ./analyzer.ts.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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

// Long generated lists (mappings/lexicon/) sit in files beside analysis.json, named by Elasticsearch's
// `<setting>_path` keys; they are read in here, so both engines (and the Elasticsearch index
// settings) get them inline and a stock node needs no file in its config directory.
const listSettings = ['rules', 'word_list'] as const;

/** The lines of a list file: one entry a line, blank lines and # comments left out. */
export function readListFile(path: URL): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function withInlineLists(filter: FilterDefinition, base: URL): FilterDefinition {
  const inline: FilterDefinition = { ...filter };
  for (const setting of listSettings) {
    const file = inline[`${setting}_path`];
    if (file === undefined) continue;
    if (typeof file !== 'string') throw new Error(`${setting}_path must be a file name`);
    inline[setting] = readListFile(new URL(file, base));
    delete inline[`${setting}_path`];
  }
  return inline;
}

export function loadAnalysisSettings(path: URL | string = analysisSettingsPath): AnalysisSettings {
  const settings = AnalysisSettings.parse(JSON.parse(readFileSync(path, 'utf8')));
  const base = new URL('.', typeof path === 'string' ? pathToFileURL(path) : path);
  const { filter } = settings.analysis;
  for (const name of Object.keys(filter)) filter[name] = withInlineLists(filter[name]!, base);
  return settings;
}
