// `vraagbaak index <paths…>`: streams the pipeline's documents into the chosen backend. Files that
// cannot be parsed are reported by name and reason and make the exit code non-zero, but every good
// document is still indexed.
import { Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { pipelineOptionHelp, sourcePaths } from '../../pipeline/job.ts';
import { parseDocuments } from '../../pipeline/pipeline.ts';
import type { DocumentRecord } from '../../model/document.ts';
import {
  BackendUnavailableError,
  type IndexProgress,
  type IndexReport,
} from '../../search/backend.ts';
import { createBackend, defaultBackendName, embeddedDataDir } from '../../search/create-backend.ts';
import { lockDataDir } from '../data-dir-lock.ts';

interface IndexCommandOptions {
  backend?: string;
  rebuild?: boolean;
  pipeline?: string;
}

interface ParseFailure {
  file: string;
  reason: string;
}

const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round((count * 1000) / ms) : 0);

/** A progress bar over the bytes of the input files, with documents and passages per second. */
function progressBar(startedAt: number) {
  if (!process.stderr.isTTY) return null;
  const bar = new SingleBar({
    format:
      '{bar} {percentage}% | {documents} documents ({documentRate}/s) | {passages} passages ({passageRate}/s)',
    hideCursor: true,
  });
  bar.start(1, 0, { documents: 0, passages: 0, documentRate: 0, passageRate: 0 });
  return {
    bytes(read: number, total: number) {
      bar.setTotal(Math.max(total, 1));
      bar.update(read);
    },
    indexed({ documents, passages }: IndexProgress) {
      const elapsed = Date.now() - startedAt;
      bar.update({
        documents,
        passages,
        documentRate: perSecond(documents, elapsed),
        passageRate: perSecond(passages, elapsed),
      });
    },
    stop(complete: boolean) {
      if (complete) bar.update(bar.getTotal());
      bar.stop();
    },
  };
}

function summary(report: IndexReport, parseFailures: ParseFailure[], elapsedMs: number): string {
  const seconds = (elapsedMs / 1000).toFixed(1);
  const lines = [
    `Indexed ${report.documents} documents (${report.passages} passages) in ${seconds} s: ` +
      `${perSecond(report.documents, elapsedMs)} documents/s, ${perSecond(report.passages, elapsedMs)} passages/s`,
  ];
  if (parseFailures.length > 0) {
    lines.push(`${parseFailures.length} file(s) could not be read:`);
    for (const { file, reason } of parseFailures) lines.push(`  ${file}: ${reason}`);
  }
  if (report.failures.length > 0) {
    lines.push(`${report.failures.length} indexing failure(s):`);
    for (const { documentId, reason } of report.failures) lines.push(`  ${documentId}: ${reason}`);
  }
  return lines.join('\n');
}

export function registerIndex(program: Command): void {
  const command: Command = program
    .command('index')
    .description('parse files and directories (text exports, PDFs, dekamer JSONL) and index them')
    .argument('[paths...]', 'files or directories to index')
    .option('--pipeline <name>', pipelineOptionHelp)
    .addOption(new Option('-b, --backend <name>', 'search backend').env('VRAAGBAAK_BACKEND'))
    .option('--rebuild', 'build a fresh index and swap it in when complete (default: upsert)')
    .action(async (given: string[], options: IndexCommandOptions) => {
      const paths = await sourcePaths(given, options.pipeline);
      if (!paths.length) command.error('give paths to index or --pipeline <name>');
      const startedAt = Date.now();
      const bar = progressBar(startedAt);
      const parseFailures: ParseFailure[] = [];
      async function* documents(): AsyncGenerator<DocumentRecord> {
        const results = parseDocuments(paths, {
          onProgress: ({ bytesRead, bytesTotal }) => bar?.bytes(bytesRead, bytesTotal),
        });
        for await (const result of results) {
          if (result.ok) yield result.document;
          else parseFailures.push({ file: result.file, reason: result.reason });
        }
      }

      const backendName = options.backend ?? defaultBackendName();
      // Elasticsearch takes concurrent writers itself; the embedded store must be written by one.
      const unlock =
        backendName === 'embedded'
          ? await lockDataDir(embeddedDataDir(), (message) => console.error(message))
          : async () => {};
      const backend = await createBackend(backendName).catch(async (error: unknown) => {
        await unlock();
        throw error;
      });
      let report: IndexReport;
      try {
        report = await backend.index(documents(), {
          mode: options.rebuild ? 'rebuild' : 'upsert',
          onProgress: (progress) => bar?.indexed(progress),
        });
      } catch (error) {
        bar?.stop(false);
        await backend.close();
        await unlock();
        command.error(
          error instanceof BackendUnavailableError
            ? `search backend unavailable: ${error.reason}`
            : `indexing failed: ${(error as Error).message}`,
        );
      }
      await backend.close();
      await unlock();
      bar?.stop(true);
      console.log(summary(report, parseFailures, Date.now() - startedAt));
      if (parseFailures.length > 0 || report.failures.length > 0) process.exitCode = 1;
    });
}
