// The analyzer's fast path (src/analysis/analyzer.ts: the Latin tokenizer, each distinct word through
// the filters once) gives exactly the reference analyzer's tokens, on the seeds and the whole dekamer
// corpus. Checked in parts so that it stays quick: the fast tokenizer against the reference tokenizer
// on every passage text and title; every distinct word, analysed alone, against the reference; and
// whole texts (a sample, every analyzer of the index and the segment builder's field analysis)
// against the reference analyzer run over the whole stream.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzedToken } from '../../src/analysis/analyzer.ts';
import { latinTokens, tokenizeStandard } from '../../src/analysis/latin-tokenizer.ts';
import { standardTokenize } from '../../src/analysis/tokenizer.ts';
import { analyseField, analyseToken } from '../../src/search/embedded/field-analysis.ts';
import { DEKAMER, SEEDS_DIR, parseAll } from '../conformance/fixture.ts';

const analyzerNames = ['dutch_text', 'dutch_exact', 'dutch_search'] as const;
const fast = Object.fromEntries(analyzerNames.map((name) => [name, createAnalyzer(name)]));
const reference = Object.fromEntries(
  analyzerNames.map((name) => [name, createAnalyzer(name, undefined, { reference: true })]),
);
const indexed = (tokens: AnalyzedToken[]) =>
  tokens.flatMap(({ term, position, start, end }) =>
    term === null ? [] : [{ term, position, start, end }],
  );

describe('analyzer fast path on the whole corpus', () => {
  it('equals the reference tokenizer and analyzers', async () => {
    const documents = await parseAll([SEEDS_DIR, DEKAMER]);
    const texts = new Set<string>();
    for (const document of documents) {
      if (document.title) texts.add(document.title);
      for (const passage of document.passages) texts.add(passage.text);
    }
    let fastPath = 0;
    const words = new Set<string>();
    const tokenizerDifferences: string[] = [];
    for (const text of texts) {
      const tokens = latinTokens(text);
      if (tokens !== null) fastPath++;
      if (JSON.stringify(tokens ?? []) !== JSON.stringify(tokens ? standardTokenize(text) : []))
        tokenizerDifferences.push(text.slice(0, 80));
      for (const token of tokenizeStandard(text)) words.add(token.text);
    }
    const wordDifferences: string[] = [];
    for (const word of words) {
      for (const name of analyzerNames) {
        if (JSON.stringify(fast[name]!(word)) !== JSON.stringify(reference[name]!(word)))
          wordDifferences.push(`${name}: ${word}`);
      }
    }
    const textDifferences: string[] = [];
    let sampled = 0;
    for (const text of [...texts].filter((_, i) => i % 50 === 0)) {
      sampled++;
      for (const name of analyzerNames) {
        if (JSON.stringify(fast[name]!(text)) !== JSON.stringify(reference[name]!(text)))
          textDifferences.push(`${name}: ${text.slice(0, 80)}`);
      }
      const field = analyseField(text);
      const fromTokens = tokenizeStandard(text).flatMap((token) =>
        analyseToken('dutch_text', token.text).map((d) => ({
          term: d.term,
          position: token.position + d.positionDelta,
          start: token.start + d.start,
          end: token.start + d.end,
        })),
      );
      const stemmed = JSON.stringify(indexed(reference.dutch_text!(text)));
      if (JSON.stringify(field.dutch_text) !== stemmed || JSON.stringify(fromTokens) !== stemmed)
        textDifferences.push(`field dutch_text: ${text.slice(0, 80)}`);
      if (
        JSON.stringify(field.dutch_exact) !== JSON.stringify(indexed(reference.dutch_exact!(text)))
      )
        textDifferences.push(`field dutch_exact: ${text.slice(0, 80)}`);
    }
    console.log(
      `${texts.size} distinct texts (Latin fast path ${((100 * fastPath) / texts.size).toFixed(1)}%), ` +
        `${words.size} distinct words, ${sampled} whole texts against the reference analyzers`,
    );
    expect(texts.size).toBeGreaterThan(20_000);
    expect(fastPath / texts.size).toBeGreaterThan(0.9);
    expect(tokenizerDifferences).toEqual([]);
    expect(wordDifferences).toEqual([]);
    expect(textDifferences).toEqual([]);
  }, 300_000);
});
