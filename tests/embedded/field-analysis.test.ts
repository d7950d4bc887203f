// Analysis once per token stream (src/search/embedded/field-analysis.ts) gives exactly the tokens
// of the project's analyzers, on every passage text and title of the seeds and the dekamer corpus;
// the Latin fast path of the tokenizer agrees with the reference tokenizer on all of them.
import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../../src/analysis/analyzer.ts';
import { latinTokens } from '../../src/analysis/latin-tokenizer.ts';
import { standardTokenize } from '../../src/analysis/tokenizer.ts';
import { analyseField } from '../../src/search/embedded/field-analysis.ts';
import { DEKAMER, SEEDS_DIR, parseAll } from '../conformance/fixture.ts';

const reference = (analyzer: string, text: string) =>
  analyzeWith(analyzer, text).flatMap(({ term, position, start, end }) =>
    term === null ? [] : [{ term, position, start, end }],
  );

describe('field analysis on the whole corpus', () => {
  it('equals the analyzers and the reference tokenizer on every text and title', async () => {
    const documents = await parseAll([SEEDS_DIR, DEKAMER]);
    const texts = new Set<string>();
    for (const document of documents) {
      if (document.title) texts.add(document.title);
      for (const passage of document.passages) texts.add(passage.text);
    }
    let fastPath = 0;
    const tokenizerDifferences: string[] = [];
    const analysisDifferences: string[] = [];
    for (const text of texts) {
      const fast = latinTokens(text);
      if (fast !== null) {
        fastPath++;
        if (JSON.stringify(fast) !== JSON.stringify(standardTokenize(text)))
          tokenizerDifferences.push(text.slice(0, 80));
      }
      const analysed = analyseField(text);
      for (const analyzer of ['dutch_text', 'dutch_exact'] as const) {
        if (JSON.stringify(analysed[analyzer]) !== JSON.stringify(reference(analyzer, text)))
          analysisDifferences.push(`${analyzer}: ${text.slice(0, 80)}`);
      }
    }
    console.log(
      `${texts.size} distinct texts; Latin fast path took ${fastPath} (${((100 * fastPath) / texts.size).toFixed(1)}%)`,
    );
    expect(texts.size).toBeGreaterThan(20_000);
    expect(tokenizerDifferences).toEqual([]);
    expect(analysisDifferences).toEqual([]);
  }, 600_000);
});
