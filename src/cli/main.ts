// Entry point of the `vraagbaak` command. Each sub-command's options and action live in
// ./commands/, in a module loaded only for the command that runs (or whose help is asked for): the
// overview (`vraagbaak --help`) needs just the names and summaries below.
import { Command } from 'commander';

/** Each command's summary, and its module, which exports `define(command)`: options and action. */
const commands: Record<
  string,
  [summary: string, load: () => Promise<{ define(command: Command): void }>]
> = {
  analyze: [
    'Analyse text from stdin: language, tokens and terms, entities',
    () => import('./commands/analyze.ts'),
  ],
  index: [
    'parse files and directories (text exports, PDFs, dekamer JSONL) and index them',
    () => import('./commands/index.ts'),
  ],
  parse: [
    'parse source files into documents with passages (no indexing)',
    () => import('./commands/parse.ts'),
  ],
  search: [
    'search the index and print the matching passages',
    () => import('./commands/search.ts'),
  ],
  serve: [
    'serve the search API and page (indexes the seeds into an empty embedded store)',
    () => import('./commands/serve.ts'),
  ],
  similar: [
    'has this been asked before? documents like a draft or like a document',
    () => import('./commands/similar.ts'),
  ],
};

const program = new Command('vraagbaak').description(
  'Search parliamentary written questions and their answers',
);
const [first, second] = process.argv.slice(2);
const invoked = first === 'help' ? second : first;
for (const [name, [summary, load]] of Object.entries(commands)) {
  const command = program.command(name).description(summary);
  if (name === invoked) (await load()).define(command);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // An invalid setting is the user's to fix: say which and why, without a stack trace.
  if ((error as Error).name !== 'ConfigError') throw error;
  program.error(`vraagbaak: ${(error as Error).message}`, { exitCode: 2 });
}
