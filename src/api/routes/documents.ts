import { Router } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import { MAX_QUERY_LENGTH } from '../../search/query.ts';
import { queryMarker } from '../../search/query-marks.ts';
import { toDocumentView } from '../document-view.ts';
import { HttpError, parseRequest } from '../errors.ts';

/** `q`: the search the document was opened from; its words are marked in the passages. */
const DocumentParams = z.strictObject({ q: z.string().max(MAX_QUERY_LENGTH).optional() });

export function documentRoutes(backend: SearchBackend): Router {
  return Router().get('/api/documents/:id', async (req, res) => {
    const { q } = parseRequest(DocumentParams, req.query);
    const document = await backend.getDocument(req.params.id);
    if (!document) throw new HttpError(404, `no document with id ${req.params.id}`);
    const view = toDocumentView(document);
    if (!q?.trim()) return void res.json(view);
    const marks = queryMarker(q);
    const queryMarks = Object.fromEntries(
      document.passages.map((p) => [p.id, marks(p.text)]).filter(([, found]) => found!.length > 0),
    );
    res.json({ ...view, queryMarks });
  });
}
