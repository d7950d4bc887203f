// The opaque `after` cursor: base64url JSON of where the next page starts. Passage pages continue
// with search_after (sort values of the last hit); document pages (collapse, which cannot be
// combined with search_after on another field) continue from an offset. `seen` counts the hits
// already returned, so the last page can say so instead of leading to an empty one.
import { SearchError } from './search-error.ts';
import { z } from 'zod';
import { MAX_RESULT_WINDOW, type SearchQuery } from './query.ts';

const SortValue = z.union([z.string(), z.number(), z.null()]);

const Cursor = z.object({
  sort: z.enum(['relevance', 'date']),
  grouped: z.boolean(),
  seen: z.number().int().nonnegative(),
  after: z.array(SortValue).optional(),
});
export type Cursor = z.infer<typeof Cursor>;

/** A malformed cursor or a page out of reach: the API answers 400 `invalid_paging`. */
export class PagingError extends SearchError {
  constructor(message: string) {
    super('invalid_paging', message);
    this.name = 'PagingError';
  }
}

/** Both engines page by offset only within the first MAX_RESULT_WINDOW hits. */
export function beyondResultWindow(): PagingError {
  return new PagingError(
    `Alleen de eerste ${MAX_RESULT_WINDOW.toLocaleString('nl-BE')} resultaten zijn per pagina bereikbaar; blader verder met \`after\` (nextCursor).`,
  );
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string, query: SearchQuery): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new PagingError('Ongeldige cursor: niet een die deze server gaf.');
  }
  const result = Cursor.safeParse(parsed);
  if (!result.success) throw new PagingError('Ongeldige cursor: niet een die deze server gaf.');
  const cursor = result.data;
  if (cursor.sort !== query.sort || cursor.grouped !== (query.groupBy === 'document'))
    throw new PagingError(
      'Ongeldige cursor: hij hoort bij een zoekopdracht met een andere sortering of groepering.',
    );
  return cursor;
}
