// `vraagbaak index` off a terminal (a scheduled job's log): a plain progress line every few seconds
// with the share of the input read, the counts, the rate and the time left. The bar on a terminal
// and the final summary run in tests/pipeline/index-cli.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressLines } from '../../src/cli/commands/index.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress lines', () => {
  it('says every 5 s how far it is and how long it has left, and stops when told', () => {
    const lines: string[] = [];
    const progress = progressLines(Date.now(), (line) => lines.push(line));
    vi.advanceTimersByTime(4_999);
    expect(lines).toEqual([]);
    progress.bytes(250, 1_000);
    progress.indexed({ documents: 1_200, passages: 10_000 });
    vi.advanceTimersByTime(1);
    expect(lines).toEqual([
      'indexing: 25% of the input, 1,200 documents, 10,000 passages (2000/s), about 15 s left\n',
    ]);
    progress.bytes(1_000, 1_000);
    vi.advanceTimersByTime(5_000);
    expect(lines[1]).toMatch(/^indexing: 100% of the input, .*, about 0 s left\n$/);
    progress.stop(true);
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(2);
  });
});
