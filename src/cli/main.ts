// Entry point of the `vraagbaak` command. Each sub-command's options and action live in
// ./commands/, in a module loaded only for the command that runs (or whose help is asked for): the
// overview (`vraagbaak --help`) needs just the names and summaries below.
import { Command } from 'commander';

type Define = (command: Command) => void;

const commands: Record<string, { summary: string; define: () => Promise<Define> }> = {
  analyze: {
    summary: 'Analyse text from stdin: language, tokens and terms, entities',
    define: async () => (await import('./commands/analyze.ts')).defineAnalyze,
  },
  index: {
    summary: 'parse files and directories (text exports, PDFs, dekamer JSONL) and index them',
    define: async () => (await import('./commands/index.ts')).defineIndex,
  },
  parse: {
    summary: 'parse source files into documents with passages (no indexing)',
    define: async () => (await import('./commands/parse.ts')).defineParse,
  },
  search: {
    summary: 'search the index and print the matching passages',
    define: async () => (await import('./commands/search.ts')).defineSearch,
  },
  serve: {
    summary: 'serve the search API and page (indexes the seeds into an empty embedded store)',
    define: async () => (await import('./commands/serve.ts')).defineServe,
  },
  similar: {
    summary: 'has this been asked before? documents like a draft or like a document',
    define: async () => (await import('./commands/similar.ts')).defineSimilar,
  },
};

const program = new Command('vraagbaak').description(
  'Search parliamentary written questions and their answers',
);
const [first, second] = process.argv.slice(2);
const invoked = first === 'help' ? second : first;
for (const [name, { summary, define }] of Object.entries(commands)) {
  const command = program.command(name).description(summary);
  if (name === invoked) (await define())(command);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // An invalid setting is the user's to fix: say which and why, without a stack trace.
  if ((error as Error).name !== 'ConfigError') throw error;
  program.error(`vraagbaak: ${(error as Error).message}`, { exitCode: 2 });
}
