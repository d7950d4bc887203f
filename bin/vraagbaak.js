#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/vraagbaak.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('vraagbaak: dist/ is missing; build it with `npm run build`');
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(entry.href);
