// `vraagbaak index <paths…>`: streams the pipeline's documents into the chosen backend. Files that
// cannot be parsed are reported by name and reason and make the exit code non-zero, but every good
// document is still indexed. Progress: a bar with ETA on a terminal, a line every few seconds
// otherwise (logs of scheduled jobs), and a summary at the end.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import type { DocumentRecord } from '../../model/document.ts';
import type { IndexProgress, IndexReport } from '../../search/backend.ts';
import { backendOption, configWith, pipelineOptionHelp } from '../options.ts';

interface IndexCommandOptions {
  backend?: string;
  rebuild?: boolean;
  pipeline?: string;
}

interface ParseFailure {
  file: string;
  reason: string;
}

export interface Progress {
  bytes(read: number, total: number): void;
  indexed(progress: IndexProgress): void;
  stop(complete: boolean): void;
}

/** Seconds between progress lines when stderr is not a terminal. */
const PROGRESS_LINE_EVERY_MS = 5_000;

const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round((count * 1000) / ms) : 0);
const number = (value: number) => value.toLocaleString('en-US');

/** A progress bar over the bytes of the input files, with documents and passages per second. */
async function progressBar(startedAt: number): Promise<Progress> {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    format:
      '{bar} {percentage}% | ETA {eta_formatted} | {documents} documents | {passages} passages ({passageRate}/s)',
    hideCursor: true,
    etaBuffer: 50,
  });
  bar.start(1, 0, { documents: 0, passages: 0, passageRate: 0 });
  return {
    bytes(read, total) {
      bar.setTotal(Math.max(total, 1));
      bar.update(read);
    },
    indexed({ documents, passages }) {
      bar.update({ documents, passages, passageRate: perSecond(passages, Date.now() - startedAt) });
    },
    stop(complete) {
      if (complete) bar.update(bar.getTotal());
      bar.stop();
    },
  };
}

/** Plain lines (on stderr) every few seconds: progress, rate and the estimated time left. */
export function progressLines(
  startedAt: number,
  write: (line: string) => void = (line) => process.stderr.write(line),
): Progress {
  let share = 0;
  let latest: IndexProgress = { documents: 0, passages: 0 };
  const print = () => {
    const elapsed = Date.now() - startedAt;
    const left = share > 0 ? Math.round(((1 - share) * elapsed) / share / 1000) : null;
    write(
      `indexing: ${Math.floor(share * 100)}% of the input, ${number(latest.documents)} documents, ` +
        `${number(latest.passages)} passages (${perSecond(latest.passages, elapsed)}/s)` +
        `${left === null ? '' : `, about ${left} s left`}\n`,
    );
  };
  const timer = setInterval(print, PROGRESS_LINE_EVERY_MS).unref();
  return {
    bytes(read, total) {
      share = total > 0 ? read / total : 0;
    },
    indexed(progress) {
      latest = progress;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** CPU seconds of this process since `since`, every thread counted (the completion workers too). */
const cpuSecondsSince = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return ((user + system) / 1e6).toFixed(1);
};

function summary(
  report: IndexReport,
  parseFailures: ParseFailure[],
  elapsedMs: number,
  cpuSeconds: string,
): string {
  const seconds = (elapsedMs / 1000).toFixed(1);
  const refused = parseFailures.length + report.failures.length;
  const lines = [
    `Indexed ${number(report.documents)} documents (${number(report.passages)} passages), ` +
      `${refused} refused, in ${seconds} s (${cpuSeconds} CPU-s): ` +
      `${perSecond(report.passages, elapsedMs)} passages/s`,
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

export function define(command: Command): void {
  command
    .argument('[paths...]', 'files or directories to index')
    .option('--pipeline <name>', pipelineOptionHelp)
    .addOption(backendOption())
    .option('--rebuild', 'build a fresh index and swap it in when complete (default: upsert)')
    .action(async (given: string[], options: IndexCommandOptions) => {
      const config = await configWith({ backend: options.backend });
      const [{ sourcePaths }, { parseDocuments }, { createBackend }, { BackendUnavailableError }] =
        await Promise.all([
          import('../../pipeline/job.ts'),
          import('../../pipeline/pipeline.ts'),
          import('../../search/create-backend.ts'),
          import('../../search/backend.ts'),
        ]);
      const paths = await sourcePaths(given, options.pipeline);
      if (!paths.length) command.error('give paths to index or --pipeline <name>');
      const startedAt = Date.now();
      const cpuAtStart = process.cpuUsage();
      const progress = process.stderr.isTTY
        ? await progressBar(startedAt)
        : progressLines(startedAt);
      const parseFailures: ParseFailure[] = [];
      async function* documents(): AsyncGenerator<DocumentRecord> {
        const results = parseDocuments(paths, {
          onProgress: ({ bytesRead, bytesTotal }) => progress.bytes(bytesRead, bytesTotal),
          pdfTimeBudgetMs: config.pdfTimeBudgetSeconds * 1000,
          // Language and entities on the other cores while this thread reads and indexes.
          completionThreads: Math.max(1, availableParallelism() - 1),
        });
        for await (const result of results) {
          if (result.ok) yield result.document;
          else parseFailures.push({ file: result.file, reason: result.reason });
        }
      }

      // Elasticsearch takes concurrent writers itself; the embedded store must be written by one.
      const unlock =
        config.backend === 'embedded'
          ? await (
              await import('../data-dir-lock.ts')
            ).lockDataDir(config.dataDir, (message) => console.error(message))
          : async () => {};
      const backend = await createBackend(config).catch(async (error: unknown) => {
        await unlock();
        throw error;
      });
      let report: IndexReport;
      try {
        report = await backend.index(documents(), {
          mode: options.rebuild ? 'rebuild' : 'upsert',
          onProgress: (indexed) => progress.indexed(indexed),
        });
      } catch (error) {
        progress.stop(false);
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
      progress.stop(true);
      console.log(
        summary(report, parseFailures, Date.now() - startedAt, cpuSecondsSince(cpuAtStart)),
      );
      if (parseFailures.length > 0 || report.failures.length > 0) process.exitCode = 1;
    });
}
