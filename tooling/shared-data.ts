// The workplace's read-only data (seeds, the federal corpus, reference vocabularies, CoNLL-2002),
// next to the project as ../shared. The one place in code that spells that path (the named corpora
// in pipelines/*.json name their files relative to themselves).
import path from 'node:path';
import { projectPath } from '../src/project-files.ts';

export const sharedDir = projectPath('..', 'shared');

/** A file or folder in ../shared, e.g. `sharedPath('corpus', 'dekamer-2017.jsonl.gz')`. */
export function sharedPath(...segments: string[]): string {
  return path.join(sharedDir, ...segments);
}
