// `npm run build` (run by `npm install` through `prepare`): compiles the CLI and everything it
// loads into dist/ with esbuild, and builds the search page into web/dist. Code splitting keeps each
// sub-command and heavy dependency in its own chunk, loaded only when used; npm packages stay
// external (resolved from node_modules at run time).
import { rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { projectPath } from '../src/project-files.ts';
import { workerEntries } from '../src/worker-threads.ts';
import { buildWeb } from '../web/build.ts';

export const distDir = projectPath('dist');
/** esbuild's account of the build: each output's inputs and its static and dynamic imports. */
export const buildMetafile = projectPath('dist', 'metafile.json');

export async function buildCli(): Promise<void> {
  await rm(distDir, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: {
      vraagbaak: projectPath('src', 'cli', 'main.ts'),
      // Loaded by file name in worker threads (src/worker-threads.ts), so entries of their own.
      ...Object.fromEntries(
        Object.entries(workerEntries).map(([name, module]) => [
          name,
          projectPath('src', `${module}.ts`),
        ]),
      ),
    },
    outdir: distDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    metafile: true,
  });
  await writeFile(buildMetafile, JSON.stringify(metafile));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildCli();
  const { scriptBytes } = await buildWeb();
  console.log(
    `built dist/ and web/dist (app.js ${(scriptBytes / 1024).toFixed(1)} kB) in ${Math.round(performance.now() - started)} ms`,
  );
}
