// `vraagbaak parse <paths…> [--json] [--pipeline <name>]`: runs the ingestion pipeline without
// indexing. --json streams a JSON array of documents to stdout; otherwise one summary line per
// document. Files that fail are reported on stderr and make the exit code non-zero.
import { once } from 'node:events';
import type { Command } from 'commander';
import type { DocumentRecord } from '../../model/document.ts';
import type { ParseProgress } from '../../pipeline/pipeline.ts';
import { pipelineOptionHelp } from '../options.ts';

interface ParseCommandOptions {
  json?: boolean;
  pipeline?: string;
}

/** Writes to stdout, waiting when its buffer is full so memory stays flat on large corpora. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

function summary(document: DocumentRecord): string {
  const counts = new Map<string, number>();
  for (const passage of document.passages) {
    counts.set(passage.type, (counts.get(passage.type) ?? 0) + 1);
  }
  const passages = [...counts].map(([type, count]) => `${count} ${type}`).join(', ');
  const who = [document.asker, document.minister ?? document.ministerOffice].filter(Boolean);
  return [
    `${document.id}  ${document.date ?? '????-??-??'}  nr. ${document.number ?? '-'}  ${document.title ?? '(no title)'}`,
    `    ${who.join(' → ') || 'asker/minister unknown'}; ${passages}`,
  ].join('\n');
}

/**
 * A bar over the input bytes while the output goes to a file or pipe and stderr is a terminal.
 * When the documents print to the terminal themselves, they are the progress (a bar would garble them).
 */
async function progressBar() {
  if (!process.stderr.isTTY || process.stdout.isTTY) return null;
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    format: '{bar} {percentage}% | {documents} documents | {failures} failed',
    hideCursor: true,
    stream: process.stderr,
  });
  bar.start(1, 0, { documents: 0, failures: 0 });
  return {
    update: (progress: ParseProgress) => {
      bar.setTotal(Math.max(progress.bytesTotal, 1));
      bar.update(progress.bytesRead, progress);
    },
    stop: () => bar.stop(),
  };
}

export function define(command: Command): void {
  command
    .argument('[paths...]', 'files or directories: .txt exports, .pdf, .jsonl(.gz) federal data')
    .option('--json', 'print a JSON array of the documents')
    .option('--pipeline <name>', pipelineOptionHelp)
    .action(async (given: string[], options: ParseCommandOptions) => {
      const [{ sourcePaths }, { parseDocuments }] = await Promise.all([
        import('../../pipeline/job.ts'),
        import('../../pipeline/pipeline.ts'),
      ]);
      const paths = await sourcePaths(given, options.pipeline);
      if (!paths.length) command.error('give paths to parse or --pipeline <name>');

      const bar = await progressBar();
      const failures: { file: string; reason: string }[] = [];
      const unmappedOffices = new Map<string, { count: number; first: string }>();
      let documents = 0;
      let passages = 0;
      if (options.json) await write('[');
      for await (const result of parseDocuments(paths, { onProgress: bar?.update })) {
        if (!result.ok) {
          failures.push(result);
          if (!bar) process.stderr.write(`error: ${result.file}: ${result.reason}\n`);
          continue;
        }
        const text = options.json
          ? `${documents ? ',' : ''}\n${JSON.stringify(result.document)}`
          : `${summary(result.document)}\n`;
        await write(text);
        documents++;
        passages += result.document.passages.length;
        const { minister, ministerOffice, source, date } = result.document;
        if (ministerOffice && !minister) {
          const seen = unmappedOffices.get(ministerOffice);
          if (seen) seen.count++;
          else unmappedOffices.set(ministerOffice, { count: 1, first: `${source} (${date})` });
        }
      }
      if (options.json) await write('\n]\n');
      bar?.stop();
      if (bar) for (const f of failures) process.stderr.write(`error: ${f.file}: ${f.reason}\n`);
      // Not guessed: an office no government composition names stays without a minister.
      for (const [office, { count, first }] of unmappedOffices) {
        process.stderr.write(
          `warning: no minister known for office "${office}" on the question's date (${count} documents, first ${first})\n`,
        );
      }
      process.stderr.write(
        `parsed ${documents} documents (${passages} passages); ${failures.length} failed\n`,
      );
      if (failures.length) process.exitCode = 1;
    });
}
