// Builds the search page: bundles web/src/main.ts with esbuild and copies the static files, into web/dist.
import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { webDistDir, webPublicDir, webSourceDir } from './paths.ts';

export interface WebBuildReport {
  /** Bytes of JavaScript the page loads. */
  scriptBytes: number;
}

export async function buildWeb(): Promise<WebBuildReport> {
  // Files are overwritten in place (no wipe first), so a server reading web/dist never finds it empty.
  await mkdir(webDistDir, { recursive: true });
  const result = await build({
    entryPoints: [path.join(webSourceDir, 'main.ts')],
    outfile: path.join(webDistDir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    metafile: true,
    logLevel: 'warning',
  });
  await cp(webPublicDir, webDistDir, { recursive: true });
  const scriptBytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { scriptBytes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { scriptBytes } = await buildWeb();
  console.log(`web/dist built: app.js ${(scriptBytes / 1024).toFixed(1)} kB`);
}
