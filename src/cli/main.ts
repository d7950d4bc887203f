// Entry point of the `vraagbaak` command: each sub-command lives in ./commands/ and registers itself
// here. Registering is cheap; what a command works with is loaded when it runs.
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';
import { registerIndex } from './commands/index.ts';
import { registerParse } from './commands/parse.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerSimilar } from './commands/similar.ts';

const program = new Command('vraagbaak').description(
  'Search parliamentary written questions and their answers',
);
registerAnalyze(program);
registerIndex(program);
registerSearch(program);
registerServe(program);
registerSimilar(program);
registerParse(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // An invalid setting is the user's to fix: say which and why, without a stack trace.
  if ((error as Error).name !== 'ConfigError') throw error;
  program.error(`vraagbaak: ${(error as Error).message}`, { exitCode: 2 });
}
