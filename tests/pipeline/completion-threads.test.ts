// Completing documents in worker threads (what `vraagbaak index` does) gives the same stream as
// completing them in the reading thread: the same documents and failures, in the same order.
import { describe, expect, it } from 'vitest';
import { parseAll, seedsDir } from './support/parse.ts';

describe('parseDocuments with completion threads', () => {
  it('yields what the reading thread yields, duplicates reported in place', async () => {
    // The folder twice: the second reading's documents are duplicates, reported one by one.
    const paths = [seedsDir, seedsDir];
    const here = await parseAll(paths);
    const inWorkers = await parseAll(paths, { completionThreads: 1 });
    expect(here.documents.length).toBe(5);
    expect(here.failures.length).toBe(5);
    expect(inWorkers).toEqual(here);
  });
});
