import { Router } from 'express';
import { openApiDocument } from '../openapi.ts';

export function openApiRoutes(): Router {
  const document = openApiDocument();
  return Router().get('/api/openapi.json', (_req, res) => {
    res.json(document);
  });
}
