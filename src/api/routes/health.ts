import { Router } from 'express';
import { BackendUnavailableError, type SearchBackend } from '../../search/backend.ts';

/** Asks the backend on every call, so the answer recovers as soon as the engine does. */
export function healthRoutes(backend: SearchBackend): Router {
  return Router().get('/api/health', async (_req, res) => {
    try {
      const { documents, passages } = await backend.stats();
      res.json({ status: 'ok', backend: backend.name, documents, passages });
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) throw error;
      res.status(503).json({ status: 'unavailable', backend: backend.name, reason: error.reason });
    }
  });
}
