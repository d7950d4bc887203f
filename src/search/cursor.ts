// The opaque `after` cursor: base64url JSON of where the next page starts. Passage pages continue
// with search_after (sort values of the last hit); document pages (collapse, which cannot be
// combined with search_after on another field) continue from an offset. `seen` counts the hits
// already returned, so the last page can say so instead of leading to an empty one.
import { z } from 'zod';
import type { SearchQuery } from './query.ts';

const SortValue = z.union([z.string(), z.number(), z.null()]);

const Cursor = z.object({
  sort: z.enum(['relevance', 'date']),
  grouped: z.boolean(),
  seen: z.number().int().nonnegative(),
  after: z.array(SortValue).optional(),
});
export type Cursor = z.infer<typeof Cursor>;

/** A malformed cursor or a page out of reach; `status`/`expose` make the API answer 400 with the message. */
export class PagingError extends Error {
  readonly status = 400;
  readonly expose = true;
  constructor(message: string) {
    super(message);
    this.name = 'PagingError';
  }
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string, query: SearchQuery): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new PagingError('invalid cursor: not one this server handed out');
  }
  const result = Cursor.safeParse(parsed);
  if (!result.success) throw new PagingError('invalid cursor: not one this server handed out');
  const cursor = result.data;
  if (cursor.sort !== query.sort || cursor.grouped !== (query.groupBy === 'document'))
    throw new PagingError('invalid cursor: it belongs to a search with another sort or grouping');
  return cursor;
}
