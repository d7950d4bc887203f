// `vraagbaak analyze [--json]`: how a text on stdin is analysed for the index — its language,
// its tokens and terms (stopwords have none) and the entities found in it.
import { text as readStream } from 'node:stream/consumers';
import type { Command } from 'commander';
import type { TextAnalysis } from '../../analysis/text-analysis.ts';
import type { Entity } from '../../model/document.ts';

function describeEntity(entity: Entity): string {
  switch (entity.type) {
    case 'amount':
      return `€ ${entity.value.toLocaleString('nl-BE')}${entity.vat ? ` (${entity.vat}. btw)` : ''}`;
    case 'place':
      return `${entity.canonical} (${entity.kind})`;
    default:
      return entity.canonical;
  }
}

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function formatAnalysis({ language, tokens, entities }: TextAnalysis): string {
  const tokenRows = tokens.map((t) => [t.text, t.term ?? '(stopword)', `${t.start}-${t.end}`]);
  const entityRows = entities.map((e) => [
    e.type,
    e.text.replace(/\s+/gu, ' '),
    describeEntity(e),
    `${e.start}-${e.end}`,
  ]);
  return [
    `language: ${language ?? 'undetermined'}`,
    '',
    table([['token', 'term', 'offsets'], ...tokenRows]),
    '',
    entities.length === 0
      ? 'no entities'
      : table([['entity', 'text', 'meaning', 'offsets'], ...entityRows]),
  ].join('\n');
}

export function define(command: Command): void {
  command
    .option('--json', 'print the analysis as JSON')
    .action(async (options: { json?: boolean }) => {
      const { analyzeText } = await import('../../analysis/text-analysis.ts');
      const analysis = analyzeText(await readStream(process.stdin));
      process.stdout.write(
        options.json ? `${JSON.stringify(analysis)}\n` : `${formatAnalysis(analysis)}\n`,
      );
    });
}
