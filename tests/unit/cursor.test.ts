// The opaque paging cursor: what the server hands out comes back as the same position; anything
// else is refused with a 400-style PagingError, never a crash.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, PagingError } from '../../src/search/cursor.ts';
import { SearchQuery } from '../../src/search/query.ts';

const query = (input: object = {}) => SearchQuery.parse({ q: 'fiets', ...input });

describe('paging cursor', () => {
  it('decodes what it encoded', () => {
    const cursor = {
      sort: 'date' as const,
      grouped: false,
      seen: 40,
      after: ['2017-03-01', 1.5, null],
    };
    expect(decodeCursor(encodeCursor(cursor), query({ sort: 'date' }))).toEqual(cursor);
  });

  it('is URL-safe text', () => {
    const text = encodeCursor({ sort: 'relevance', grouped: true, seen: 20 });
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['JSON of another shape', Buffer.from('{"seen":-1}').toString('base64url')],
    ['a number', Buffer.from('42').toString('base64url')],
  ])('refuses %s', (_, text) => {
    expect(() => decodeCursor(text, query())).toThrow(PagingError);
  });

  it('refuses a cursor of a search with another sort or grouping', () => {
    const byDate = encodeCursor({ sort: 'date', grouped: false, seen: 20, after: [1] });
    expect(() => decodeCursor(byDate, query())).toThrow(/andere sortering of groepering/);
    const grouped = encodeCursor({ sort: 'relevance', grouped: true, seen: 20 });
    expect(() => decodeCursor(grouped, query())).toThrow(/andere sortering of groepering/);
  });
});
