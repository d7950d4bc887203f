// `vraagbaak search <query>`: the search API's answer in the terminal, matches in bold colour.
import { Option, type Command } from 'commander';
import type { SearchHit, SearchResult } from '../../search/query.ts';
import {
  addFacetOptions,
  backendOption,
  configWith,
  facetFilters,
  integer,
  type FacetOptions,
} from '../options.ts';
import { highlightToTerminal } from '../terminal-highlight.ts';

interface SearchOptions extends FacetOptions {
  size: number;
  page: number;
  sort: 'relevance' | 'date';
  backend?: string;
  json?: boolean;
}

function describeHit(hit: SearchHit): string {
  const passage = hit.number === null ? hit.type : `${hit.type} ${hit.number}`;
  const meta = [hit.date, hit.asker, hit.minister && `→ ${hit.minister}`].filter(Boolean);
  return `${hit.title ?? hit.documentId} — ${passage}\n  ${meta.join(' · ')}  [${hit.id}]`;
}

export function formatResult(result: SearchResult, colour: boolean): string {
  const lines = [`${result.total} passages (${Math.round(result.tookMs)} ms)`];
  for (const hit of result.hits) {
    lines.push('', describeHit(hit));
    for (const fragment of hit.highlights) {
      lines.push(`  … ${highlightToTerminal(fragment, colour).replace(/\s+/g, ' ').trim()} …`);
    }
  }
  return lines.join('\n');
}

export function define(command: Command): void {
  command.argument(
    '[query...]',
    'search text (simple query syntax: "phrase", -exclude, a | b, prefix*)',
  );
  addFacetOptions(command);
  command
    .option('-n, --size <n>', 'number of hits', integer, 10)
    .option('--page <n>', 'page of hits', integer, 1)
    .addOption(
      new Option('--sort <order>', 'order').choices(['relevance', 'date']).default('relevance'),
    )
    .addOption(backendOption())
    .option('--json', 'print the SearchResult as JSON')
    .action(async (words: string[], options: SearchOptions) => {
      const config = await configWith({ backend: options.backend });
      const [{ z }, { SearchQuery }, { createBackend }, { BackendUnavailableError }] =
        await Promise.all([
          import('zod'),
          import('../../search/query.ts'),
          import('../../search/create-backend.ts'),
          import('../../search/backend.ts'),
        ]);
      const parsed = SearchQuery.safeParse({
        q: words.join(' '),
        filters: facetFilters(options),
        size: options.size,
        page: options.page,
        sort: options.sort,
      });
      if (!parsed.success) command.error(`invalid search:\n${z.prettifyError(parsed.error)}`);
      const backend = await createBackend(config);
      let result: SearchResult;
      try {
        result = await backend.search(parsed.data);
      } catch (error) {
        if (!(error instanceof BackendUnavailableError)) throw error;
        command.error(`search backend unavailable: ${error.reason}`);
      } finally {
        await backend.close();
      }
      console.log(
        options.json ? JSON.stringify(result, null, 2) : formatResult(result, process.stdout.isTTY),
      );
    });
}
