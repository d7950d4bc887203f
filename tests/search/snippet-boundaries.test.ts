// Snippets start and end at sentence or clause boundaries, with "…" where the text was cut.
import { describe, expect, it } from 'vitest';
import { snippetEnd, snippetStart, withCutMarks } from '../../src/search/snippet-boundaries.ts';

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
