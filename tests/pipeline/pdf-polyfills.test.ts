// pdf.js's legacy build replaces Array.prototype.push and JSON.stringify with core-js polyfills in
// the thread that loads it (several times slower, for everything the thread does after). Only the
// PDF worker thread may load it: the pipeline, which parses and indexes, must keep the natives.
import { describe, expect, it } from 'vitest';

// The built-ins as this test file found them (core-js makes its replacements print as native, so
// they are compared by identity).
const nativePush = Array.prototype.push;
const nativeStringify = JSON.stringify;

describe('the pipeline module', () => {
  it('leaves Array.prototype.push and JSON.stringify native', async () => {
    await import('../../src/pipeline/pipeline.ts');
    expect(Array.prototype.push).toBe(nativePush);
    expect(JSON.stringify).toBe(nativeStringify);
  });

  it('is what would lose them if it loaded pdf.js (the check can fail)', async () => {
    await import('../../src/pipeline/sources/pdf-lines.ts');
    expect(Array.prototype.push).not.toBe(nativePush);
    expect(JSON.stringify).not.toBe(nativeStringify);
  });
});
