// Walking every hit of a query through the search cursor (search_after): how a backend whose
// searches are cheap to repeat (Elasticsearch, where the work is on the node) implements scan().
import { MAX_PAGE_SIZE, type SearchHit, type SearchQuery, type SearchResult } from './query.ts';

export async function* scanWithCursor(
  search: (query: SearchQuery) => Promise<SearchResult>,
  query: SearchQuery,
): AsyncGenerator<SearchHit[]> {
  let after: string | undefined;
  do {
    const page = await search({
      ...query,
      groupBy: undefined,
      page: 1,
      size: MAX_PAGE_SIZE,
      after,
      facets: false,
      highlight: false,
    });
    if (page.hits.length > 0) yield page.hits;
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
}
