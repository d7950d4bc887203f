// Entry point of the `vraagbaak` command: each sub-command lives in ./commands/ and registers itself here.
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.ts';

const program = new Command('vraagbaak').description(
  'Search parliamentary written questions and their answers',
);
registerAnalyze(program);

await program.parseAsync(process.argv);
