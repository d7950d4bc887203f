// `vraagbaak similar --text-file draft.txt` / `vraagbaak similar <document id>`: has this been
// asked before? The documents most like a draft or a document, with the passages that match.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type {
  SimilarHit,
  SimilarQuery,
  SimilarResult,
} from '../../search/similar/similar-query.ts';
import {
  addFacetOptions,
  backendOption,
  configWith,
  facetFilters,
  integer,
  type FacetOptions,
} from '../options.ts';
import { highlightToTerminal } from '../terminal-highlight.ts';

interface SimilarOptions extends FacetOptions {
  textFile?: string;
  size: number;
  backend?: string;
  json?: boolean;
}

function describeHit(hit: SimilarHit, colour: boolean): string[] {
  const meta = [hit.date, hit.asker, hit.minister && `→ ${hit.minister}`].filter(Boolean);
  const lines = [
    `${hit.title ?? hit.documentId}  (${hit.score.toFixed(2)}, ${hit.answered ? 'beantwoord' : 'niet beantwoord'})`,
    `  ${meta.join(' · ')}  [${hit.documentId}]`,
  ];
  for (const passage of hit.passages) {
    const label = passage.number === null ? passage.type : `${passage.type} ${passage.number}`;
    const text = passage.highlights
      .map((fragment) => highlightToTerminal(fragment, colour).replace(/\s+/g, ' ').trim())
      .join(' … ');
    lines.push(`  ${label}: … ${text} …`);
  }
  return lines;
}

export function formatSimilar(result: SimilarResult, colour: boolean): string {
  const lines = [`${result.total} similar documents (${Math.round(result.tookMs)} ms)`];
  for (const hit of result.hits) lines.push('', ...describeHit(hit, colour));
  return lines.join('\n');
}

async function readDraft(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function define(command: Command): void {
  command
    .argument('[document]', 'id of an indexed document (instead of --text-file)')
    .option('-f, --text-file <path>', 'the draft question, a text file ("-" reads stdin)');
  addFacetOptions(command);
  command
    .option('-n, --size <n>', 'number of documents (1-50)', integer, 10)
    .addOption(backendOption())
    .option('--json', 'print the SimilarResult as JSON')
    .action(async (documentId: string | undefined, options: SimilarOptions) => {
      if ((documentId === undefined) === (options.textFile === undefined))
        command.error('give either a document id or --text-file <path>, not both or neither');
      const config = await configWith({ backend: options.backend });
      const [
        { z },
        { SimilarQuery },
        { createBackend },
        { BackendUnavailableError },
        { similarToDocument, UnknownDocumentError },
      ] = await Promise.all([
        import('zod'),
        import('../../search/similar/similar-query.ts'),
        import('../../search/create-backend.ts'),
        import('../../search/backend.ts'),
        import('../../search/similar/like-document.ts'),
      ]);
      const size = SimilarQuery.shape.size.safeParse(options.size);
      if (!size.success) command.error(`invalid --size:\n${z.prettifyError(size.error)}`);
      const filters = facetFilters(options);
      let query: SimilarQuery | null = null;
      if (options.textFile !== undefined) {
        let text: string;
        try {
          text = await readDraft(options.textFile);
        } catch (error) {
          command.error(`cannot read ${options.textFile}: ${(error as Error).message}`);
        }
        const parsed = SimilarQuery.safeParse({ text, filters, size: options.size });
        if (!parsed.success) command.error(`invalid draft:\n${z.prettifyError(parsed.error)}`);
        query = parsed.data;
      }
      const backend = await createBackend(config);
      let result: SimilarResult;
      try {
        result =
          query !== null
            ? await backend.similar(query)
            : await similarToDocument(backend, documentId!, { filters, size: options.size });
      } catch (error) {
        if (error instanceof UnknownDocumentError) command.error(error.message);
        if (error instanceof BackendUnavailableError)
          command.error(`search backend unavailable: ${error.reason}`);
        throw error;
      } finally {
        await backend.close();
      }
      console.log(
        options.json
          ? JSON.stringify(result, null, 2)
          : formatSimilar(result, process.stdout.isTTY),
      );
    });
}
