// The request log: one line per answered request with method, URL, status and time, at error level
// for a 5xx, and nothing of the request's headers (cookies, tokens).
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestLog } from '../../src/api/request-log.ts';

interface LogLine {
  level: number;
  msg: string;
  req: { id: number; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

function loggedApp() {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as LogLine);
      done();
    },
  });
  const app = express()
    .use(requestLog(pino({ level: 'info' }, destination)))
    .get('/ok', (_req, res) => res.json({ ok: true }))
    .get('/down', (_req, res) => res.status(503).json({ ok: false }));
  return { app, lines };
}

describe('requestLog', () => {
  it('logs one line per request: method, URL, status and time, without headers', async () => {
    const { app, lines } = loggedApp();
    await request(app).get('/ok?q=a').set('Cookie', 'session=secret');
    await request(app).get('/missing');
    expect(lines).toHaveLength(2);
    const [first, second] = lines;
    expect(first).toMatchObject({
      level: 30,
      req: { id: 1, method: 'GET', url: '/ok?q=a' },
      res: { statusCode: 200 },
    });
    expect(first!.msg).toMatch(/^GET \/ok\?q=a 200 \d+ ms$/);
    expect(first!.responseTime).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(first)).not.toContain('secret');
    expect(second).toMatchObject({ req: { id: 2, url: '/missing' }, res: { statusCode: 404 } });
  });

  it('logs a 5xx answer at error level', async () => {
    const { app, lines } = loggedApp();
    await request(app).get('/down');
    expect(lines).toMatchObject([{ level: 50, res: { statusCode: 503 } }]);
  });
});
