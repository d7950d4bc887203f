// Options several commands share. Light on purpose: `vraagbaak --help` loads this and commander
// only; each command loads what it works with when it runs.
import { Option } from 'commander';
import type { Config, SettingName } from '../config.ts';

export const pipelineOptionHelp =
  'a named corpus from pipelines/ (e.g. seeds, dekamer) or a job file';

/** Commander argument parsers: a repeatable option's values, a whole number. */
export const collect = (value: string, previous: string[]) => [...previous, value];
export const integer = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`not a whole number: "${value}"`);
  return number;
};

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
