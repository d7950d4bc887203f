// The error mapping on its own: an unexpected failure becomes a bare 500 JSON for the client and a
// full log entry (with the stack) for the operator.
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler, notFound } from '../../src/api/errors.ts';
import { QueryTimeoutError } from '../../src/search/query-bounds.ts';

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'info' }, destination), lines };
}

describe('errorHandler', () => {
  it('answers an unexpected error with 500 {code: "internal_error"} and a Dutch message and logs the stack', async () => {
    const { logger, lines } = capturingLogger();
    const app = express()
      .get('/boom', () => {
        throw new TypeError("Cannot read properties of undefined (reading 'secret')");
      })
      .use(notFound)
      .use(errorHandler(logger));

    const response = await request(app).get('/boom');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      code: 'internal_error',
      message: 'Er ging iets mis op de server.',
    });
    expect(response.text).not.toContain('secret');
    expect(response.text).not.toContain('TypeError');

    const entry = JSON.parse(lines.join('')) as { msg: string; err: { stack: string } };
    expect(entry.msg).toBe('internal error');
    expect(entry.err.stack).toContain('TypeError');
  });

  it('answers a search stopped by its time budget with 503 time_limit_exceeded, not "unreachable"', async () => {
    const app = express()
      .get('/slow', () => {
        throw new QueryTimeoutError();
      })
      .use(errorHandler(capturingLogger().logger));

    const response = await request(app).get('/slow');
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('time_limit_exceeded');
    expect(response.body.reason).toMatch(/took longer than \d+ ms/);
  });
});
