// The document view's marks (src/search/embedded/text-marks.ts) come from the highlighter's own
// matching, so a document shows the words its hits show marked, whichever engine answered.
import { describe, expect, it } from 'vitest';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { queryMarker } from '../../src/search/embedded/text-marks.ts';
import { SearchQuery } from '../../src/search/query.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bikes, stream } from '../conformance/fixture.ts';

const marked = (q: string, text: string) =>
  (queryMarker(q)?.(text) ?? []).map((span) => text.slice(span.start, span.end));

describe('query marks in a text', () => {
  const text = 'De minister antwoordt dat fietsen en de fietsbelasting niet besproken werden.';

  it('marks stemmed words, prefixes and phrases, not excluded words', () => {
    // A compound's parts are indexed with it, so `fiets` also matches (and marks) fietsbelasting.
    expect(marked('fiets', text)).toEqual(['fietsen', 'fietsbelasting']);
    expect(marked('fietsb*', text)).toEqual(['fietsbelasting']);
    expect(marked('"niet besproken"', text)).toEqual(['niet', 'besproken']);
    expect(marked('minister -fiets', text)).toEqual(['minister']);
  });

  it("marks a fuzzy word's terms within its edit distance", () => {
    expect(marked('fietz~1', text)).toEqual(['fietsen', 'fietsbelasting']);
    expect(marked('fietz~0', text)).toEqual([]);
  });

  it('marks nothing for a query without words or of stopwords only', () => {
    expect(marked('', text)).toEqual([]);
    expect(marked('de en', text)).toEqual([]);
  });

  it('marks what the embedded highlighter marks in the hits', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'vraagbaak-marks-'));
    try {
      const backend = await EmbeddedBackend.open({ dataDir });
      await backend.index(stream([bikes]));
      for (const q of ['fiets*', 'gestolen', '"bewaakte fietsenstallingen"']) {
        const result = await backend.search(SearchQuery.parse({ q, size: 100 }));
        expect(result.hits.length, q).toBeGreaterThan(0);
        for (const hit of result.hits) {
          const passage = bikes.passages.find((p) => p.id === hit.id)!;
          const inHits = hit.highlights.flatMap((h) =>
            [...h.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]),
          );
          const inView = marked(q, passage.text);
          for (const word of inHits) expect(inView, `${q} in ${hit.id}`).toContain(word);
        }
      }
      await backend.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
