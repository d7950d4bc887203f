// The one place that reads the environment: every setting of the product, validated once (zod).
// Command-line flags override the environment; tests build a Config directly.
import path from 'node:path';
import { z } from 'zod';
import { PDF_TIME_BUDGET_MS } from './pipeline/sources/pdf-budget.ts';

export const backendNames = ['embedded', 'elasticsearch'] as const;
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const DEFAULT_ELASTICSEARCH_URL = 'http://127.0.0.1:9200';
export const DEFAULT_PASSAGE_ALIAS = 'vraagbaak-passages';
/** The index template applies to vraagbaak-passages-*; an alias outside it would get no mapping. */
export const PASSAGE_ALIAS_PATTERN = /^vraagbaak-passages(-[a-z][a-z0-9]*)*$/;

const port = z.coerce.number().int().min(0).max(65_535, 'a port is at most 65535');
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/** Environment variable of each setting (documented in the README). */
export const settingVariables = {
  backend: 'VRAAGBAAK_BACKEND',
  dataDir: 'VRAAGBAAK_DATA_DIR',
  elasticsearchUrl: 'ELASTICSEARCH_URL',
  elasticsearchAlias: 'VRAAGBAAK_ES_ALIAS',
  host: 'HOST',
  port: 'PORT',
  corsOrigins: 'VRAAGBAAK_CORS_ORIGINS',
  logLevel: 'LOG_LEVEL',
  logFormat: 'VRAAGBAAK_LOG_FORMAT',
  pdfTimeBudgetSeconds: 'VRAAGBAAK_PDF_TIME_BUDGET',
} as const;
export type SettingName = keyof typeof settingVariables;

export const Config = z.object({
  backend: z.enum(backendNames).default('embedded'),
  /** The embedded engine's store; made absolute against the working directory. */
  dataDir: z
    .string()
    .min(1)
    .default('data')
    .transform((dir) => path.resolve(dir)),
  /** One node, or several of one cluster, comma-separated. */
  elasticsearchUrl: z.string().min(1).default(DEFAULT_ELASTICSEARCH_URL),
  /** The alias searches go through (several indexes can share a cluster). */
  elasticsearchAlias: z
    .string()
    .regex(
      PASSAGE_ALIAS_PATTERN,
      `"${DEFAULT_PASSAGE_ALIAS}" or "${DEFAULT_PASSAGE_ALIAS}-<words starting with a-z>"`,
    )
    .default(DEFAULT_PASSAGE_ALIAS),
  host: z.string().min(1).default('127.0.0.1'),
  port: port.default(3000),
  /** Origins allowed to call the API from another site; none by default. */
  corsOrigins: commaList.default([]),
  logLevel: z.enum(logLevels).default('info'),
  /** `pretty` (readable, for a terminal) or `json`; by default pretty on a terminal only. */
  logFormat: z.enum(['pretty', 'json']).optional(),
  /** Time one PDF may take to read in `vraagbaak index` before it is reported and skipped. */
  pdfTimeBudgetSeconds: z.coerce
    .number()
    .positive()
    .default(PDF_TIME_BUDGET_MS / 1000),
});
export type Config = z.output<typeof Config>;
export type ConfigInput = z.input<typeof Config>;

/** Thrown for an invalid setting; the message names the variable or flag and the reason. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the settings from the environment, with `flags` (command-line options, already named as
 * settings) taking precedence. Unset and empty variables fall back to the defaults.
 */
export function readConfig(
  flags: Partial<Record<SettingName, unknown>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const input: Record<string, unknown> = {};
  for (const [setting, variable] of Object.entries(settingVariables)) {
    const value = env[variable];
    if (value !== undefined && value !== '') input[setting] = value;
  }
  for (const [setting, value] of Object.entries(flags)) {
    if (value !== undefined) input[setting] = value;
  }
  const result = Config.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const setting = String(issue.path[0]) as SettingName;
      const source = setting in flags && flags[setting] !== undefined ? 'option' : 'variable';
      return `${source === 'option' ? `--${setting}` : settingVariables[setting]}: ${issue.message}`;
    });
    throw new ConfigError(`invalid setting: ${problems.join('; ')}`);
  }
  return result.data;
}
