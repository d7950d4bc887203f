// Vitest global setup: builds dist/ (the compiled CLI) and web/dist before any test, so tests that
// run `bin/vraagbaak.js` or load the page exercise the code of this checkout, never a stale build.
import { buildCli } from '../../scripts/build.ts';
import { buildWeb } from '../../web/build.ts';

export default async function setup(): Promise<void> {
  await buildCli();
  await buildWeb();
}
