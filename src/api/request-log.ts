// One log line per answered request: method, URL, status and time (headers, cookies and tokens stay
// out). Written with the app's pino logger when the answer is finished. pino-http, used before, made
// two child loggers per request (serializing the request for each); that cost about 0.3 ms of CPU per
// request (bench/api-overhead.ts), a fifth of the API's own budget, for the same line.
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

export function requestLog(logger: Logger): RequestHandler {
  let lastId = 0;
  return (req, res, next) => {
    const started = performance.now();
    const id = ++lastId;
    const done = () => {
      res.off('finish', done);
      res.off('close', done);
      const responseTime = performance.now() - started;
      const { statusCode } = res;
      logger[statusCode >= 500 ? 'error' : 'info'](
        {
          req: { id, method: req.method, url: req.originalUrl },
          res: { statusCode },
          responseTime,
        },
        `${req.method} ${req.originalUrl} ${statusCode} ${Math.round(responseTime)} ms`,
      );
    };
    res.on('finish', done);
    res.on('close', done);
    next();
  };
}
