// Options several commands share. Light on purpose: `vraagbaak --help` loads this and commander
// only; each command loads what it works with when it runs.
import { Option, type Command } from 'commander';
import type { Config, SettingName } from '../config.ts';
import { facets, type FacetName } from '../model/facets.ts';
import type { FiltersInput } from '../search/query.ts';

export const pipelineOptionHelp =
  'a named corpus from pipelines/ (e.g. seeds, dekamer) or a job file';

/** Commander argument parsers: a repeatable option's values, a whole number. */
export const collect = (value: string, previous: string[]) => [...previous, value];
export const integer = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`not a whole number: "${value}"`);
  return number;
};

/** The values given per facet option (`--theme a --theme b`). */
export type FacetOptions = Record<FacetName, string[]>;

/** One repeatable option per facet (src/model/facets.ts), described as the API describes it. */
export function addFacetOptions(command: Command): void {
  for (const facet of facets)
    command.option(`--${facet.name} <value>`, facet.description, collect, []);
}

/** The facet options as a query's `filters`, which the query's schema then validates. */
export const facetFilters = (options: FacetOptions) =>
  Object.fromEntries(facets.map(({ name }) => [name, options[name]])) as FiltersInput;

export const backendOption = () =>
  new Option(
    '-b, --backend <name>',
    'search backend: embedded or elasticsearch (default: $VRAAGBAAK_BACKEND, else embedded)',
  );

/** The settings (src/config.ts) with the command's flags over the environment. */
export async function configWith(flags: Partial<Record<SettingName, unknown>>): Promise<Config> {
  const { readConfig } = await import('../config.ts');
  return readConfig(flags);
}
