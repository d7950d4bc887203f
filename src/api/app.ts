// The HTTP API: validates requests, asks the search backend, shapes the answer. Also serves the
// search page (web/dist) from the same origin, so the page needs no CORS.
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { webDistDir } from '../../web/paths.ts';
import type { SearchBackend } from '../search/backend.ts';
import { AnalysisPool } from './analysis-pool.ts';
import { errorHandler, notFound } from './errors.ts';
import { requestLog } from './request-log.ts';
import { analyzeRoutes } from './routes/analyze.ts';
import { documentRoutes } from './routes/documents.ts';
import { exportRoutes } from './routes/export.ts';
import { facetRoutes } from './routes/facets.ts';
import { feedRoutes } from './routes/feed.ts';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { searchRoutes } from './routes/search.ts';
import { similarRoutes } from './routes/similar.ts';
import { suggestRoutes } from './routes/suggest.ts';

export interface AppOptions {
  backend: SearchBackend;
  logger: Logger;
  /** Origins allowed to call the API from another site (the `corsOrigins` setting); none by default. */
  corsOrigins?: string[];
  /** Directory of the built search page. */
  webRoot?: string;
  /** Worker threads for POST /api/analyze; its threads start at the first request. */
  analysisPool?: AnalysisPool;
}

export function createApp({
  backend,
  logger,
  corsOrigins = [],
  webRoot = webDistDir,
  analysisPool = new AnalysisPool(),
}: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple'); // repeated keys become arrays; no nested objects from brackets
  app.use(requestLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The page loads only its own bundle and stylesheet; PDFs open as plain links.
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          // Served over plain http on localhost: upgrading would break the page's own requests.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.use('/api', cors({ origin: corsOrigins.length > 0 ? corsOrigins : false }));
  app.use(express.json({ limit: '1mb' }));

  app.use(searchRoutes(backend));
  app.use(exportRoutes(backend));
  app.use(feedRoutes(backend));
  app.use(facetRoutes(backend));
  app.use(documentRoutes(backend));
  app.use(similarRoutes(backend));
  app.use(suggestRoutes(backend));
  app.use(analyzeRoutes(analysisPool));
  app.use(healthRoutes(backend));
  app.use(openApiRoutes());
  app.use(express.static(webRoot));

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
