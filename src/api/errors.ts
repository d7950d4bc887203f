// Every failure leaves the API as JSON: a stable English `code` for programs and a Dutch `message`
// for the people who read it (the search page shows it as it is). Stacks stay in the log.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { BackendUnavailableError } from '../search/backend.ts';
import { QueryLimitError } from '../search/query-bounds.ts';

// zod's own messages (in `details`) in Dutch too.
z.config(z.locales.nl());

export type ErrorCode =
  | 'invalid_parameter'
  | 'invalid_paging'
  | 'malformed_body'
  | 'not_found'
  | 'backend_unavailable'
  | 'server_busy'
  | 'time_limit_exceeded'
  | 'internal_error';

export interface ErrorDetail {
  parameter: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  /** For 503: the engine's own (technical, English) account, for the operator. */
  reason?: string;
}

/** An error whose Dutch message is safe to show the client, with the status and code to answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
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
      ? issue.keys.map((key) => ({ parameter: key, message: 'onbekende parameter' }))
      : [{ parameter: String(issue.path[0] ?? '(body)'), message: issue.message }],
  );
  const names = [...new Set(details.map((d) => d.parameter))];
  throw new HttpError(
    400,
    'invalid_parameter',
    `${names.length === 1 ? 'Ongeldige parameter' : 'Ongeldige parameters'}: ${names.join(', ')}`,
    details,
  );
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, 'not_found', `Niet gevonden: ${req.method} ${req.path}`));
};

interface ClientError {
  status: number;
  type?: string;
  code?: string;
  message: string;
}

/** body-parser's errors (malformed JSON, body too large) and PagingError carry a 4xx and `expose`. */
function isClientError(error: unknown): error is ClientError {
  if (typeof error !== 'object' || error === null) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

function clientErrorBody(error: ClientError): ErrorBody {
  if (error.code === 'invalid_paging') return { code: 'invalid_paging', message: error.message };
  if (error.type === 'entity.parse.failed')
    return { code: 'malformed_body', message: 'De aanvraag is geen geldige JSON.' };
  if (error.type === 'entity.too.large')
    return { code: 'malformed_body', message: 'De aanvraag is te groot.' };
  return { code: 'malformed_body', message: 'De aanvraag kon niet gelezen worden.' };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Once a streamed answer (an export) has begun, the only honest signal left is a cut connection.
    if (res.headersSent) {
      logger.error({ err: error, url: req.originalUrl }, 'error after response started');
      next(error);
      return;
    }
    const send = (status: number, body: ErrorBody) => res.status(status).json(body);
    if (error instanceof HttpError) {
      send(error.status, { code: error.code, message: error.message, details: error.details });
    } else if (error instanceof BackendUnavailableError) {
      logger.warn({ reason: error.reason, url: req.originalUrl }, 'search backend unavailable');
      send(503, {
        code: 'backend_unavailable',
        message: 'De zoekmachine is op dit moment niet bereikbaar.',
        reason: error.reason,
      });
    } else if (error instanceof QueryLimitError) {
      send(400, {
        code: 'invalid_parameter',
        message: `Deze zoekvraag vraagt te veel werk: ${error.message}.`,
        details: [{ parameter: 'q', message: error.message }],
      });
    } else if (error instanceof URIError) {
      // The router could not decode a path parameter (bad percent-encoding such as "%E0%A4%A").
      send(400, {
        code: 'invalid_parameter',
        message: `Het pad bevat een ongeldige procentcodering: ${req.path}`,
      });
    } else if (isClientError(error)) {
      send(error.status, clientErrorBody(error));
    } else {
      logger.error({ err: error, url: req.originalUrl }, 'internal error');
      send(500, { code: 'internal_error', message: 'Er ging iets mis op de server.' });
    }
  };
}
