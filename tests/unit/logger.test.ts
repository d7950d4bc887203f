// The server's logs: readable lines on a terminal, JSON lines otherwise, and request lines that
// carry method, URL and status but never the request's headers (cookies, tokens).
import { Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.ts';
import { createLogger } from '../../src/logger.ts';
import type { SearchBackend } from '../../src/search/backend.ts';

/** A stream that keeps what is written, as a terminal (isTTY) or not. */
function capture(isTTY: boolean) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream: Object.assign(stream, { isTTY }) as unknown as NodeJS.WriteStream };
}

describe('logs', () => {
  it('are JSON lines off a terminal', async () => {
    const { lines, stream } = capture(false);
    (await createLogger({ logLevel: 'info', logFormat: undefined }, stream)).info('hallo');
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'hallo' });
  });

  it('are readable lines on a terminal (coloured) or wherever asked for', async () => {
    for (const [isTTY, logFormat] of [
      [true, undefined],
      [false, 'pretty'],
    ] as const) {
      const { lines, stream } = capture(isTTY);
      (await createLogger({ logLevel: 'info', logFormat }, stream)).info('hallo');
      expect(stripVTControlCharacters(lines[0]!)).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: hallo$/);
    }
  });

  it('log a request by method, URL, status and time, without its headers', async () => {
    const { lines, stream } = capture(false);
    const logger = await createLogger({ logLevel: 'info', logFormat: 'json' }, stream);
    // /api/openapi.json asks nothing of the backend.
    const app = createApp({ backend: { name: 'embedded' } as SearchBackend, logger });
    await request(app)
      .get('/api/openapi.json')
      .set('Cookie', 'session=geheim')
      .set('Authorization', 'Bearer geheim');
    const entry = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(entry).toMatchObject({
      req: { method: 'GET', url: '/api/openapi.json' },
      res: { statusCode: 200 },
      msg: expect.stringMatching(/^GET \/api\/openapi\.json 200 \d+ ms$/),
    });
    expect(lines.join('\n')).not.toMatch(/geheim|headers/i);
  });
});
