// POST /api/analyze runs in worker threads with bounds: a request past the time limit, or one
// that finds every thread busy and the queue full, answers 503 with a code saying which.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisPool } from '../../src/api/analysis-pool.ts';
import { createApp } from '../../src/api/app.ts';
import { MAX_ANALYZE_LENGTH } from '../../src/api/routes/analyze.ts';
import { silentLogger } from '../../src/logger.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

const maximal = '预算'.repeat(MAX_ANALYZE_LENGTH / 2);
let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
});
afterAll(() => seeded.close());

function appWith(pool: AnalysisPool) {
  return createApp({ backend: seeded.backend, logger: silentLogger(), analysisPool: pool });
}

describe('POST /api/analyze in worker threads', () => {
  it('answers 503 time_limit_exceeded when the analysis runs past its time limit', async () => {
    const pool = new AnalysisPool({ threads: 1, queue: 0, timeLimitMs: 200 });
    try {
      const started = performance.now();
      const response = await request(appWith(pool)).post('/api/analyze').send({ text: maximal });
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('time_limit_exceeded');
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await pool.close();
    }
  });

  it('answers 503 server_busy when every thread is busy and the queue is full', async () => {
    const pool = new AnalysisPool({ threads: 1, queue: 1 });
    const app = appWith(pool);
    try {
      const responses = await Promise.all(
        Array.from({ length: 3 }, () => request(app).post('/api/analyze').send({ text: maximal })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 200, 503]);
      expect(responses.find((response) => response.status === 503)?.body).toMatchObject({
        code: 'server_busy',
      });
    } finally {
      await pool.close();
    }
  });
});
