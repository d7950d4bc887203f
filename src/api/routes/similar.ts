// "Has this been asked before?": documents like a draft (POST /api/similar) or like a document
// (GET /api/documents/:id/similar), within the same filters as /api/search.
import { Router } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import { similarToDocument, UnknownDocumentError } from '../../search/similar/like-document.ts';
import { SimilarQuery } from '../../search/similar/similar-query.ts';
import { HttpError, parseRequest } from '../errors.ts';
import { filterParams, groupFilters, numeric } from '../search-params.ts';

/** Filters and size, in the query string (GET) or beside the text in the body (POST). */
export const SimilarParams = z
  .object({
    ...filterParams,
    size: numeric(SimilarQuery.shape.size).describe('At most this many documents (default 10).'),
  })
  .strict();

export const SimilarBody = SimilarParams.extend({
  text: SimilarQuery.shape.text.describe(
    'The draft question. Its most salient terms are compared (at most 25).',
  ),
}).strict();

export function similarRoutes(backend: SearchBackend): Router {
  return Router()
    .post('/api/similar', async (req, res) => {
      const { text, ...params } = parseRequest(SimilarBody, req.body ?? {});
      res.json(await backend.similar(SimilarQuery.parse({ ...groupFilters(params), text })));
    })
    .get('/api/documents/:id/similar', async (req, res) => {
      const params = parseRequest(SimilarParams, req.query);
      try {
        res.json(await similarToDocument(backend, req.params.id, groupFilters(params)));
      } catch (error) {
        if (error instanceof UnknownDocumentError)
          throw new HttpError('not_found', `Geen document met id ${req.params.id}`);
        throw error;
      }
    });
}
