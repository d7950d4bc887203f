// Tokenizer "standard": Unicode word segmentation (UAX #29) like Lucene's StandardTokenizer.
export interface Token {
  text: string;
  start: number;
  end: number;
  position: number;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

export function standardTokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const segment of segmenter.segment(text)) {
    if (!segment.isWordLike) continue;
    tokens.push({
      text: segment.segment,
      start: segment.index,
      end: segment.index + segment.segment.length,
      position: tokens.length,
    });
  }
  return tokens;
}
