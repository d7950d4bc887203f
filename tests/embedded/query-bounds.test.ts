// Bounded work per query (src/search/rules.ts): a query with too many clauses or too large a slop
// is answered 400 with the reason by the real API; a search past its time budget stops with an
// error the API answers 503; a fuzzy term expands to at most FUZZY_MAX_EXPANSIONS words.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendUnavailableError } from '../../src/search/backend.ts';
import { QueryBudget } from '../../src/search/embedded/query-budget.ts';
import {
  checkQueryBounds,
  QueryTimeoutError,
  QueryLimitError,
} from '../../src/search/query-bounds.ts';
import { MAX_CLAUSES, MAX_EXPANDING_CLAUSES, MAX_SLOP } from '../../src/search/rules.ts';
import { openSeededApp, type SeededApp } from '../api/seeded-app.ts';

const terms = (n: number, term = 'fiets') => Array.from({ length: n }, () => term).join('|');

describe('query bounds', () => {
  it('accepts a query at the bounds and refuses one beyond them, saying which bound', () => {
    expect(() => checkQueryBounds(terms(MAX_CLAUSES))).not.toThrow();
    expect(() => checkQueryBounds(`"de het"~${MAX_SLOP}`)).not.toThrow();
    expect(() => checkQueryBounds(terms(MAX_CLAUSES + 1, 'a*'))).toThrow(QueryLimitError);
    expect(() => checkQueryBounds(terms(MAX_CLAUSES + 1, 'a*'))).toThrow(/hoogstens 64/);
    expect(() => checkQueryBounds(`"de het"~${MAX_SLOP + 1}`)).toThrow(/slop/);
  });

  it('stops a search past its time budget with an error the API answers 503', () => {
    const budget = new QueryBudget(0);
    const spend = () => {
      for (let i = 0; i < 10; i++) budget.tick(10_000);
    };
    expect(spend).toThrow(QueryTimeoutError);
    expect(spend).toThrow(BackendUnavailableError);
  });
});

describe('query bounds through the API (embedded)', () => {
  let seeded: SeededApp;
  beforeAll(async () => {
    seeded = await openSeededApp();
  });
  afterAll(async () => {
    await seeded?.close();
  });

  it('answers 400 with the reason for 166 OR-ed prefixes and a slop of 1,000,000', async () => {
    for (const q of [terms(166, 'a*'), '"de het een"~1000000']) {
      const started = performance.now();
      const response = await request(seeded.app).get('/api/search').query({ q });
      expect(response.status, q.slice(0, 30)).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(/hoogstens|meer dan het maximum/);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('answers a query at the bounds: 64 OR-ed terms, 10 of them fuzzy', async () => {
    const q = `${terms(MAX_EXPANDING_CLAUSES, 'kost~2')} | ${terms(MAX_CLAUSES - MAX_EXPANDING_CLAUSES, 'kost')}`;
    const response = await request(seeded.app).get('/api/search').query({ q });
    expect(response.status).toBe(200);
    expect(response.body.total).toBeGreaterThan(0);
  });
});
