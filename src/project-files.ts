// Where the project's data files live on disk (mappings/, pipelines/, web/dist/). Found from the
// package root rather than from this file's own folder, so the same code works from src/ (tsx in
// tests and scripts) and bundled into dist/ (the built CLI).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'vraagbaak') return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`vraagbaak's package.json not found above ${from}`);
    }
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('mappings', 'analysis.json')`. */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
