// The tokenizer's cost is linear for every script: a hostile text takes at most a few times as
// long as ordinary Dutch text of the same length. Before it cut long runs at code-point
// boundaries, 80 kB of Han took 14 s against 0.1 s for Dutch prose (Intl.Segmenter is quadratic).
import { describe, expect, it } from 'vitest';
import { standardTokenize } from '../../src/analysis/tokenizer.ts';
import {
  expectCostRatio,
  itCostsLikeOrdinaryText,
  fill,
  hostileTexts,
  milliseconds as timed,
} from '../support/hostile-text.ts';
import { RETRY } from '../support/timing.ts';

const ordinary = fill('De minister antwoordt op de vraag over de subsidies van 2017. ');

const hostile: [string, string][] = [
  ...hostileTexts(),
  ['digits joined by commas (one long number)', fill('1,')],
  ['letters with combining marks', fill('e\u0301')],
  ['Katakana', fill('カタカナ')],
];

const milliseconds = (text: string) => timed(() => standardTokenize(text));

describe('tokenizer cost on hostile text', () => {
  standardTokenize(ordinary.slice(0, 10_000)); // warm up the segmenter
  const baseline = milliseconds(ordinary);

  itCostsLikeOrdinaryText(hostile, standardTokenize, baseline);

  it('a 1 MB mix of every hostile kind is tokenized in linear time', RETRY, () => {
    const mix = hostile.map(([, text]) => text.slice(0, 1_000_000 / hostile.length)).join('');
    const ms = milliseconds(mix);
    const ordinaryMs = milliseconds(fill(ordinary, mix.length));
    expectCostRatio(ms, ordinaryMs);
  });

  it('cuts a long word where Lucene does: every maxTokenLength characters, afresh', () => {
    const tokens = standardTokenize('x'.repeat(10_000));
    expect(tokens.slice(0, -1).every((t) => t.text.length === 255)).toBe(true);
    expect(tokens.map((t) => t.text).join('')).toBe('x'.repeat(10_000));
  });

  it('keeps emoji sequences and Han characters whole across piece boundaries', () => {
    const emoji = standardTokenize(fill('👍🏽', 10_000));
    expect(new Set(emoji.map((t) => t.text))).toEqual(new Set(['👍🏽']));
    const han = standardTokenize(fill('预算', 10_000));
    expect(han).toHaveLength(10_000);
  });
});
