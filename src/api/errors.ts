// Every failure leaves the API as JSON with a reason a user can act on; stacks stay in the log.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { BackendUnavailableError } from '../search/backend.ts';
import { QueryLimitError } from '../search/query-bounds.ts';

export interface ErrorDetail {
  parameter: string;
  message: string;
}

/** An error whose message is safe to show the client, with the status to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Parses request input, or throws a 400 naming each offending parameter. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue): ErrorDetail[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ parameter: key, message: 'unknown parameter' }))
      : [{ parameter: String(issue.path[0] ?? '(body)'), message: issue.message }],
  );
  const names = [...new Set(details.map((d) => d.parameter))].join(', ');
  throw new HttpError(400, `invalid parameter: ${names}`, details);
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `not found: ${req.method} ${req.path}`));
};

interface BodyParserError {
  status: number;
  type?: string;
  message: string;
}

/** body-parser's errors (malformed JSON, body too large) carry a client status and `expose`. */
function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Once a streamed answer (an export) has begun, the only honest signal left is a cut connection.
    if (res.headersSent) {
      logger.error({ err: error, url: req.originalUrl }, 'error after response started');
      next(error);
      return;
    }
    if (error instanceof HttpError) {
      res.status(error.status).json({ error: error.message, details: error.details });
    } else if (error instanceof QueryLimitError) {
      res.status(400).json({ error: error.message });
    } else if (error instanceof BackendUnavailableError) {
      logger.warn({ reason: error.reason, url: req.originalUrl }, 'search backend unavailable');
      res.status(503).json({ error: 'search backend unavailable', reason: error.reason });
    } else if (error instanceof URIError) {
      // The router could not decode a path parameter (bad percent-encoding such as "%E0%A4%A").
      res.status(400).json({ error: `malformed percent-encoding in the path: ${req.path}` });
    } else if (isBodyParserError(error)) {
      const malformed = error.type === 'entity.parse.failed';
      res
        .status(error.status)
        .json({ error: malformed ? `malformed JSON body: ${error.message}` : error.message });
    } else {
      logger.error({ err: error, url: req.originalUrl }, 'internal error');
      res.status(500).json({ error: 'internal error' });
    }
  };
}
