// Texts that make a per-character walk quadratic, for the tests that assert a stage's cost is
// linear (tokenizer, entity tagging): each stage's time on them is compared with ordinary Dutch
// text of the same length.
import { expect, it } from 'vitest';
import { RETRY } from './timing.ts';

export const HOSTILE_LENGTH = 100_000;
/** Generous for machine noise, far below the hundreds a quadratic walk gives at this length. */
export const MAX_COST_RATIO = 10;

export const fill = (unit: string, length = HOSTILE_LENGTH) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** Kinds every text stage must take in linear time, as [name, text of HOSTILE_LENGTH]. */
export const hostileTexts = (): [string, string][] => [
  ['Han characters', fill('预算')],
  ['emoji', fill('😀👍🏽🇧🇪')],
  ['punctuation only', fill('.,;!?…-')],
  ['a,a,a,…', fill('a,')],
  ['one letter repeated (one long word)', fill('x')],
];

/** Wall-clock milliseconds of one call. */
export function milliseconds(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** `ms` is below `maxRatio` times `baselineMs`; the message gives both. */
export function expectCostRatio(ms: number, baselineMs: number, maxRatio = MAX_COST_RATIO) {
  expect(ms / baselineMs, `${ms.toFixed(0)} ms vs ${baselineMs.toFixed(0)} ms`).toBeLessThan(
    maxRatio,
  );
}

/** One test per hostile text: `stage` takes at most MAX_COST_RATIO times `baselineMs` on it. */
export function itCostsLikeOrdinaryText(
  hostile: [string, string][],
  stage: (text: string) => unknown,
  baselineMs: number,
) {
  it.each(hostile)(
    `%s: within ${MAX_COST_RATIO}× ordinary text of the same length`,
    RETRY,
    (_, text) =>
      expectCostRatio(
        milliseconds(() => stage(text)),
        baselineMs,
      ),
  );
}
