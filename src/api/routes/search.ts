import { Router } from 'express';
import type { SearchBackend } from '../../search/backend.ts';
import { parseRequest } from '../errors.ts';
import { SearchParams, toSearchQuery } from '../search-params.ts';

export function searchRoutes(backend: SearchBackend): Router {
  return Router().get('/api/search', async (req, res) => {
    const query = toSearchQuery(parseRequest(SearchParams, req.query));
    res.json(await backend.search(query));
  });
}
