import { Router } from 'express';
import { z } from 'zod';
import { backendNames } from '../../config.ts';
import { BackendUnavailableError, type SearchBackend } from '../../search/backend.ts';

export const Health = z.object({
  status: z.literal('ok'),
  backend: z.enum(backendNames),
  documents: z.number().int(),
  passages: z.number().int(),
});
export type Health = z.infer<typeof Health>;

export const HealthUnavailable = z.object({
  status: z.literal('unavailable'),
  backend: z.enum(backendNames),
  reason: z.string().describe("The engine's technical reason, e.g. a refused connection."),
});
export type HealthUnavailable = z.infer<typeof HealthUnavailable>;

/** Asks the backend on every call, so the answer recovers as soon as the engine does. */
export function healthRoutes(backend: SearchBackend): Router {
  return Router().get('/api/health', async (_req, res) => {
    try {
      const { documents, passages } = await backend.stats();
      res.json({ status: 'ok', backend: backend.name, documents, passages } satisfies Health);
    } catch (error) {
      if (!(error instanceof BackendUnavailableError)) throw error;
      res.status(503).json({
        status: 'unavailable',
        backend: backend.name,
        reason: error.reason,
      } satisfies HealthUnavailable);
    }
  });
}
