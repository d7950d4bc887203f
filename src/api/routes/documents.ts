import { Router } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import { SearchQuery } from '../../search/query.ts';
import { toDocumentView } from '../document-view.ts';
import { HttpError, parseRequest } from '../errors.ts';

export const DocumentParams = z
  .object({ q: SearchQuery.shape.q.describe('Search text whose words the view marks.') })
  .strict();

export function documentRoutes(backend: SearchBackend): Router {
  return Router().get('/api/documents/:id', async (req, res) => {
    const { q } = parseRequest(DocumentParams, req.query);
    const document = await backend.getDocument(req.params.id);
    if (!document) throw new HttpError('not_found', `Geen document met id ${req.params.id}`);
    res.json(toDocumentView(document, q));
  });
}
