// Every failure leaves the API as JSON: a stable English `code` for programs and a Dutch `message`
// for the people who read it (the search page shows it as it is). Stacks stay in the log.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { BackendUnavailableError } from '../search/backend.ts';
import { QueryTimeoutError } from '../search/query-bounds.ts';
import { SearchError, type SearchErrorCode } from '../search/search-error.ts';

// zod's own messages (in `details`) in Dutch too.
z.config(z.locales.nl());

/** Every error code the API answers with: its HTTP status and the Dutch message it usually has. */
export const errorTable = {
  invalid_parameter: { status: 400, message: 'Ongeldige parameter.' },
  invalid_paging: { status: 400, message: 'Deze pagina is niet bereikbaar.' },
  malformed_body: { status: 400, message: 'De aanvraag kon niet gelezen worden.' },
  not_found: { status: 404, message: 'Niet gevonden.' },
  payload_too_large: { status: 413, message: 'De aanvraag is te groot.' },
  server_busy: {
    status: 503,
    message: 'De server is op dit moment te druk; probeer het zo meteen opnieuw.',
  },
  time_limit_exceeded: { status: 503, message: 'Deze aanvraag duurde te lang en is gestopt.' },
  internal_error: { status: 500, message: 'Er ging iets mis op de server.' },
  backend_unavailable: { status: 503, message: 'De zoekmachine is op dit moment niet bereikbaar.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorTable;
const errorCodes = Object.keys(errorTable) as [ErrorCode, ...ErrorCode[]];
// Every code a search error can carry is answered from the table (a compile-time check).
errorTable satisfies Record<SearchErrorCode, unknown>;

export const ErrorDetail = z.object({ parameter: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorBody = z.object({
  code: z.enum(errorCodes).describe('Stable, for programs.'),
  message: z.string().describe('In Dutch, for the people who read it.'),
  details: z.array(ErrorDetail).optional().describe('Per offending parameter, what is wrong.'),
  reason: z
    .string()
    .optional()
    .describe("For 503: the engine's own (technical, English) account, for the operator."),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An error whose Dutch message is safe to show the client, answered with its code's status. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = errorTable[code].message,
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
    'invalid_parameter',
    `${names.length === 1 ? 'Ongeldige parameter' : 'Ongeldige parameters'}: ${names.join(', ')}`,
    details,
  );
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new HttpError('not_found', `Niet gevonden: ${req.method} ${req.path}`));
};

interface ClientError {
  status: number;
  type?: string;
  message: string;
}

/** The body of an error answered with its code's usual message. */
const standard = (code: ErrorCode): ErrorBody => ({ code, message: errorTable[code].message });

/** body-parser's errors (malformed JSON, body too large) carry a 4xx and `expose`. */
function isClientError(error: unknown): error is ClientError {
  if (typeof error !== 'object' || error === null) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

function bodyError(error: ClientError): ErrorBody {
  if (error.type === 'entity.too.large') return standard('payload_too_large');
  if (error.type === 'entity.parse.failed')
    return { code: 'malformed_body', message: 'De aanvraag is geen geldige JSON.' };
  return standard('malformed_body');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Once a streamed answer (an export) has begun, the only honest signal left is a cut connection.
    if (res.headersSent) {
      logger.error({ err: error, url: req.originalUrl }, 'error after response started');
      next(error);
      return;
    }
    const send = (body: ErrorBody) => res.status(errorTable[body.code].status).json(body);
    if (error instanceof HttpError) {
      send({ code: error.code, message: error.message, details: error.details });
    } else if (error instanceof SearchError) {
      send({ code: error.code, message: error.message, details: error.detail && [error.detail] });
    } else if (error instanceof QueryTimeoutError) {
      // The engine is there; this query asked too much of it (not "unreachable").
      send({ ...standard('time_limit_exceeded'), reason: error.reason });
    } else if (error instanceof BackendUnavailableError) {
      logger.warn({ reason: error.reason, url: req.originalUrl }, 'search backend unavailable');
      send({ ...standard('backend_unavailable'), reason: error.reason });
    } else if (error instanceof URIError) {
      // The router could not decode a path parameter (bad percent-encoding such as "%E0%A4%A").
      send({
        code: 'invalid_parameter',
        message: `Het pad bevat een ongeldige procentcodering: ${req.path}`,
      });
    } else if (isClientError(error)) {
      send(bodyError(error));
    } else {
      logger.error({ err: error, url: req.originalUrl }, 'internal error');
      send(standard('internal_error'));
    }
  };
}
