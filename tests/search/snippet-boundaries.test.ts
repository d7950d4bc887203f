// Snippets start and end at sentence or clause boundaries, with "…" where the text was cut.
import { describe, expect, it } from 'vitest';
import { snippetEnd, snippetStart, withCutMarks } from '../../src/search/snippet-boundaries.ts';

let seed = 7;
/** A fixed pseudo-random sequence, so a failure repeats. */
const random = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 16) % n;
};
const randomText = (pieces: string[], length: number) =>
  Array.from({ length }, () => pieces[random(pieces.length)]).join('');

const sentence = (words: number, first: string) =>
  `${first} ${Array.from({ length: words }, (_, i) => `woord${i}`).join(' ')}.`;

describe('snippet boundaries', () => {
  const text = [
    sentence(30, 'Eerst'),
    'Daarna, na lang wachten, kwam het begeleidingstraject er toch.',
    sentence(30, 'Ten slotte'),
  ].join(' ');
  const match = text.indexOf('begeleidingstraject');

  it('starts at the sentence holding the match and ends at a sentence end', () => {
    const start = snippetStart(text, match);
    expect(text.slice(start)).toMatch(/^Daarna, na lang wachten/);
    const end = snippetEnd(text, start, match + 'begeleidingstraject'.length);
    expect(text.slice(start, end)).toMatch(/toch\.$/);
  });

  it('falls back to a clause boundary when the sentence starts too far back', () => {
    const long = `${sentence(60, 'Lang').slice(0, -1)}, waarna het begeleidingstraject volgde.`;
    const at = long.indexOf('begeleidingstraject');
    expect(long.slice(snippetStart(long, at))).toMatch(/^waarna het begeleidingstraject/);
  });

  it('marks cuts with … and leaves whole sentences alone', () => {
    expect(withCutMarks('Het <mark>traject</mark> start.')).toBe('Het <mark>traject</mark> start.');
    expect(withCutMarks('waarna het <mark>traject</mark> volgde')).toBe(
      '… waarna het <mark>traject</mark> volgde …',
    );
    expect(withCutMarks('<mark>Traject</mark> en')).toBe('<mark>Traject</mark> en …');
  });
});

describe('snippet boundaries, against the patterns they stand for', () => {
  // The boundaries as regular expressions over the whole text (how they were first written): the
  // backwards search must find the same ones, closers, odd spaces and marks in a row included.
  const sentenceEnd = /[.!?]["')\]]?\s/g;
  const clauseEnd = /[,;:]\s/g;
  const ends = (text: string, pattern: RegExp, from: number, to: number) =>
    [...text.matchAll(pattern)]
      .filter((m) => m.index >= from && m.index < to)
      .map((m) => m.index + m[0].length);
  const referenceStart = (text: string, matchStart: number) => {
    const earliest = Math.max(0, matchStart - 80);
    if (earliest === 0) return 0;
    for (const pattern of [sentenceEnd, clauseEnd]) {
      const found = ends(text, pattern, earliest, matchStart).filter((b) => b <= matchStart);
      if (found.length > 0) return found.at(-1)!;
    }
    const space = text.indexOf(' ', matchStart - 40);
    return space === -1 || space >= matchStart ? Math.max(0, matchStart - 40) : space + 1;
  };
  const referenceEnd = (text: string, start: number, matchEnd: number) => {
    const limit = start + 160;
    if (limit >= text.length) return text.length;
    for (const pattern of [sentenceEnd, clauseEnd]) {
      const found = ends(text, pattern, matchEnd, limit);
      if (found.length > 0) return found.at(-1)! - 1;
    }
    const space = text.lastIndexOf(' ', limit);
    return space > matchEnd ? space : Math.max(matchEnd, limit);
  };

  it('finds the sentence, clause and word boundaries the patterns find', () => {
    const pieces = [
      'woord',
      'ab',
      '.',
      '!',
      '?',
      ',',
      ';',
      ':',
      ' ',
      '\n',
      '\u00a0',
      '"',
      ')',
      ']',
      "'",
      'x.y',
    ];
    for (let round = 0; round < 300; round++) {
      const text = randomText(pieces, 40 + random(160));
      for (let at = 0; at < text.length; at += 7) {
        const start = snippetStart(text, at);
        expect(start).toBe(referenceStart(text, at));
        expect(snippetEnd(text, start, at + 3)).toBe(referenceEnd(text, start, at + 3));
      }
    }
  });

  it('adds the cut marks that the whole tagless, trimmed text calls for', () => {
    const reference = (fragment: string) => {
      const text = fragment.replace(/<\/?mark>/g, '').trim();
      if (text === '') return fragment;
      const startsSentence = /^[\p{Lu}\p{N}"'‘“(•\-–]/u.test(text);
      const endsSentence = /[.!?:;)"'’”]$/u.test(text);
      return `${startsSentence ? '' : '… '}${fragment.trim()}${endsSentence ? '' : ' …'}`;
    };
    const pieces = [
      '<mark>',
      '</mark>',
      ' ',
      '\n',
      '\r',
      '\t',
      '\u00a0',
      'a',
      'B',
      '7',
      '.',
      ')',
      '"',
      '’',
      '𝐀',
      '<',
      'mark>',
      '–',
    ];
    for (let round = 0; round < 3000; round++) {
      const fragment = randomText(pieces, random(9));
      expect(withCutMarks(fragment)).toBe(reference(fragment));
    }
  });
});
