// Entry point of the `vraagbaak` command: each sub-command lives in ./commands/ and registers itself here.
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';
import { registerIndex } from './commands/index.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerSimilar } from './commands/similar.ts';
import { registerParse } from './commands/parse.ts';

const program = new Command('vraagbaak').description(
  'Search parliamentary written questions and their answers',
);
registerAnalyze(program);
registerIndex(program);
registerSearch(program);
registerServe(program);
registerSimilar(program);
registerParse(program);

await program.parseAsync(process.argv);
