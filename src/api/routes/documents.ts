import { Router } from 'express';
import type { SearchBackend } from '../../search/backend.ts';
import { toDocumentView } from '../document-view.ts';
import { HttpError } from '../errors.ts';

export function documentRoutes(backend: SearchBackend): Router {
  return Router().get('/api/documents/:id', async (req, res) => {
    const document = await backend.getDocument(req.params.id);
    if (!document) throw new HttpError(404, 'not_found', `Geen document met id ${req.params.id}`);
    res.json(toDocumentView(document));
  });
}
