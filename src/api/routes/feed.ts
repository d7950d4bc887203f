import { Router } from 'express';
import { atomFeed } from '../../feed/atom.ts';
import type { SearchBackend } from '../../search/backend.ts';
import { parseRequest } from '../errors.ts';
import { SearchParams, toSearchQuery } from '../search-params.ts';
import { describeSearch } from '../search-description.ts';
import { documentLinker } from './export.ts';

/** Entries in a feed: a reader polls it, so the newest few dozen documents are enough. */
export const FEED_ENTRIES = 50;

/** GET /api/feed?<search parameters>: the search as an Atom feed, newest documents first. */
export function feedRoutes(backend: SearchBackend): Router {
  return Router().get('/api/feed', async (req, res) => {
    const params = parseRequest(SearchParams, req.query);
    const query = toSearchQuery({
      ...params,
      sort: 'date',
      groupBy: 'document',
      page: 1,
      size: FEED_ENTRIES,
      after: undefined,
    });
    const result = await backend.search({ ...query, facets: false });
    const search = new URLSearchParams(req.url.slice(req.url.indexOf('?') + 1));
    const origin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    res.type('application/atom+xml; charset=utf-8').send(
      atomFeed(describeSearch(query), result, {
        page: `${origin}/?${search}`,
        self: `${origin}${req.originalUrl}`,
        document: documentLinker(req),
      }),
    );
  });
}
