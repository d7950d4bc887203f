import { Router } from 'express';
import type { SearchBackend } from '../../search/backend.ts';
import { parseRequest } from '../errors.ts';
import { SearchParams, toSearchQuery } from '../search-params.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export function searchRoutes(backend: SearchBackend): Router {
  return Router().get('/api/search', async (req, res) => {
    const query = toSearchQuery(parseRequest(SearchParams, req.query));
    const result = await backend.search(query);
    // Written as is, without res.json's ETag: an answer carries its own tookMs, so the hash of its
    // ~25 kB never matched a client's copy, and computing it cost as much as the JSON. The type is
    // set as the header res.json sends, without res.type's look-up in the MIME table per request.
    // Sent as bytes: Content-Length is their length (no UTF-8 scan of the string), and the socket
    // writes them as they are (a string was joined to the header, flattened and encoded again).
    res.setHeader('Content-Type', JSON_TYPE).end(Buffer.from(JSON.stringify(result)));
  });
}
