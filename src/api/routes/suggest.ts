import { Router } from 'express';
import { z } from 'zod';
import type { SearchBackend } from '../../search/backend.ts';
import type { SuggestResult } from '../../search/search-result.ts';
import { parseRequest } from '../errors.ts';
import { numeric } from '../search-params.ts';

export const SuggestParams = z
  .object({
    q: z.string().trim().min(1).max(100).describe('What the user has typed so far.'),
    limit: numeric(z.number().int().min(1).max(20).default(8)).describe('At most this many.'),
  })
  .strict();

export function suggestRoutes(backend: SearchBackend): Router {
  return Router().get('/api/suggest', async (req, res) => {
    const { q, limit } = parseRequest(SuggestParams, req.query);
    res.json({ suggestions: await backend.suggest(q, limit) } satisfies SuggestResult);
  });
}
