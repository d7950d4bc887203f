// What each way in loads before it does anything, read from esbuild's account of the build
// (dist/metafile.json, written by `npm run build`, which the test run's global setup runs): the
// modules a chunk imports statically load with it, the ones it imports dynamically only when used.
import { readFileSync } from 'node:fs';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { buildMetafile } from '../../scripts/build.ts';

const { outputs } = JSON.parse(readFileSync(buildMetafile, 'utf8')) as Metafile;

/** The npm packages and source files that load with the output built from `entryPoint`. */
function staticallyLoaded(entryPoint: string) {
  const start = Object.keys(outputs).find((output) => outputs[output]!.entryPoint === entryPoint);
  if (!start) throw new Error(`no output is built from ${entryPoint}`);
  const packages = new Set<string>();
  const sources = new Set<string>();
  const pending = [start];
  const seen = new Set<string>();
  for (let output = pending.pop(); output !== undefined; output = pending.pop()) {
    if (seen.has(output)) continue;
    seen.add(output);
    for (const input of Object.keys(outputs[output]!.inputs)) sources.add(input);
    for (const { path, kind, external } of outputs[output]!.imports) {
      if (kind !== 'import-statement') continue;
      if (!external) pending.push(path);
      else if (!path.startsWith('node:'))
        packages.add(
          path
            .split('/')
            .slice(0, path.startsWith('@') ? 2 : 1)
            .join('/'),
        );
    }
  }
  return { packages: [...packages].sort(), sources: [...sources] };
}

const heavy = ['pdfjs-dist', 'exceljs', '@elastic/elasticsearch', 'franc', 'i18n-iso-countries'];
const sourcesUnder = (sources: string[], folder: string) =>
  sources.filter((source) => source.startsWith(folder));

describe('loaded only when used', () => {
  it('`vraagbaak --help` loads commander and the command list, no command and nothing they run', () => {
    const { packages, sources } = staticallyLoaded('src/cli/main.ts');
    expect(packages).toEqual(['commander']);
    expect(sources).toEqual(['src/cli/main.ts']);
  });

  it('each command loads its own module only', () => {
    for (const command of ['analyze', 'index', 'parse', 'search', 'serve', 'similar']) {
      const { sources } = staticallyLoaded(`src/cli/commands/${command}.ts`);
      expect(sourcesUnder(sources, 'src/cli/commands/'), command).toEqual([
        `src/cli/commands/${command}.ts`,
      ]);
    }
  });

  it('the server: no heavy library, no entity model, no pipeline, neither engine', () => {
    const { packages, sources } = staticallyLoaded('src/api/app.ts');
    for (const name of [...heavy, 'pino-pretty', 'cli-progress'])
      expect(packages, name).not.toContain(name);
    expect(sourcesUnder(sources, 'src/entities/tagger/')).toEqual([]);
    for (const chosenAtRunTime of [
      'src/pipeline/pipeline.ts',
      'src/search/embedded/embedded-backend.ts',
      'src/search/elasticsearch/backend.ts',
      'src/search/elasticsearch/client.ts',
    ])
      expect(sources).not.toContain(chosenAtRunTime);
  });

  it('each engine leaves the other unloaded', () => {
    expect(staticallyLoaded('src/search/embedded/embedded-backend.ts').packages).not.toContain(
      '@elastic/elasticsearch',
    );
    expect(
      sourcesUnder(
        staticallyLoaded('src/search/elasticsearch/backend.ts').sources,
        'src/search/embedded/',
      ),
    ).toEqual([]);
  });

  it('parsing and indexing load pdf.js only when a PDF is read (in its worker thread)', () => {
    expect(staticallyLoaded('src/pipeline/pipeline.ts').packages).not.toContain('pdfjs-dist');
    expect(staticallyLoaded('src/pipeline/sources/pdf-worker.ts').packages).toContain('pdfjs-dist');
  });
});
