// Words and punctuation of a passage with their offsets, split the way the CoNLL-2002 Dutch
// corpus splits them (the tagger was trained on that), and cut into sentences.
export interface Token {
  text: string;
  start: number;
  end: number;
}

// A word may hold inner hyphens, apostrophes, dots and ampersands ("Sint-Niklaas", "A&B",
// "N.V.", "d'Hondt"); a number its separators; anything else is one character of punctuation.
const tokenPattern =
  /[\p{L}\p{N}](?:[\p{L}\p{N}]|[-'’&.](?=[\p{L}\p{N}]))*\.?(?<=\p{Lu}\.|[\p{L}\p{N}])|\S/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const start = match.index;
    let word = match[0];
    // A final dot belongs to an abbreviation ("N.V.", "J."), not to "LIBYA." at a sentence's end.
    if (word.length > 2 && word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word)) {
      word = word.slice(0, -1);
      tokens.push({ text: word, start, end: start + word.length });
      tokens.push({ text: '.', start: start + word.length, end: start + word.length + 1 });
      continue;
    }
    tokens.push({ text: word, start, end: start + word.length });
  }
  return tokens;
}

/** Sentences: after . ? ! followed by a capital or a line break, and at every blank-ish line break. */
export function sentences(text: string, tokens: Token[]): Token[][] {
  const result: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((token, i) => {
    current.push(token);
    const next = tokens[i + 1];
    const between = next ? text.slice(token.end, next.start) : '';
    const endsSentence =
      !next ||
      between.includes('\n') ||
      (/^[.?!:;]$/u.test(token.text) && /^\p{Lu}|^["“‘(]/u.test(next.text));
    if (endsSentence) {
      result.push(current);
      current = [];
    }
  });
  return result;
}
