// The API's other endpoints and its error handling, against the real embedded backend.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextAnalysis } from '../../src/analysis/text-analysis-shape.ts';
import { createApp } from '../../src/api/app.ts';
import type { DocumentView } from '../../src/api/document-view.ts';
import { MAX_PAGE_SIZE } from '../../src/search/query.ts';
import { openSeededApp, type SeededApp } from './seeded-app.ts';

let seeded: SeededApp;
beforeAll(async () => {
  seeded = await openSeededApp();
});
afterAll(() => seeded?.close());

describe('GET /api/documents/:id', () => {
  it('returns each seed with its questions paired to their answers', async () => {
    for (const seed of seeded.seeds) {
      const response = await request(seeded.app).get(
        `/api/documents/${encodeURIComponent(seed.id)}`,
      );
      expect(response.status).toBe(200);
      const view = response.body as DocumentView;
      expect(view.document.id).toBe(seed.id);
      expect(view.document.title).toBe(seed.title);
      expect(view.document).not.toHaveProperty('passages');
      const questions = seed.passages.filter((p) => p.type === 'question');
      expect(view.pairs.filter((p) => p.question).length).toBe(questions.length);
      for (const pair of view.pairs) {
        if (pair.question && pair.answer) expect(pair.answer.number).toBe(pair.question.number);
      }
      // Nothing lost: every passage appears once in the view.
      const shown = [
        ...view.context,
        ...view.pairs.flatMap((p) => [p.question, p.answer].filter((x) => x !== null)),
        ...view.annexes,
      ].map((p) => p.id);
      expect(shown.sort()).toEqual(seed.passages.map((p) => p.id).sort());
    }
  });

  it('marks the words of the search it was opened from, in any form, and rejects a bad q', async () => {
    const seed = seeded.seeds.find((s) =>
      s.passages.some((p) => /begeleidingstraject/.test(p.text)),
    )!;
    const url = `/api/documents/${encodeURIComponent(seed.id)}`;
    const view = (await request(seeded.app).get(url).query({ q: 'begeleidingstrajecten -gratis' }))
      .body as DocumentView;
    const marked = Object.entries(view.queryMarks).flatMap(([id, marks]) => {
      const text = seed.passages.find((p) => p.id === id)!.text;
      return marks.map(({ start, end }) => text.slice(start, end).toLowerCase());
    });
    expect(marked).toContain('begeleidingstraject');
    expect(marked.every((word) => word.startsWith('begeleidingstraject'))).toBe(true);
    expect((await request(seeded.app).get(url)).body.queryMarks).toEqual({});
    const tooLong = await request(seeded.app)
      .get(url)
      .query({ q: 'x'.repeat(501) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details[0].parameter).toBe('q');
  });

  it('answers 404 JSON for an unknown id', async () => {
    const response = await request(seeded.app).get('/api/documents/no-such-document');
    expect(response.status).toBe(404);
    expect(response.body.message).toContain('no-such-document');
  });
});

describe('GET /api/suggest', () => {
  it('completes the start of a title', async () => {
    const title = seeded.seeds.find((s) => s.title)?.title ?? '';
    const prefix = title.split(/\s+/)[0]!.slice(0, 5);
    const response = await request(seeded.app).get(`/api/suggest?q=${encodeURIComponent(prefix)}`);
    expect(response.status).toBe(200);
    expect(response.body.suggestions).toContainEqual({ value: title, kind: 'title' });
  });

  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ['q=ab&limit=500', 'limit'],
  ])('rejects "%s" naming %s', async (query, parameter) => {
    const response = await request(seeded.app).get(`/api/suggest?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(parameter);
  });
});

describe('POST /api/analyze', () => {
  it('reports language, tokens (stopwords without a term) and amounts', async () => {
    const text = 'De minister heeft 500.000 euro gereserveerd voor de begeleidingstrajecten.';
    const response = await request(seeded.app).post('/api/analyze').send({ text });
    expect(response.status).toBe(200);
    // The declared shape (OpenAPI's TextAnalysis), with nothing undeclared.
    const analysis = TextAnalysis.parse(response.body);
    expect(analysis).toEqual(response.body);
    expect(analysis.language).toBe('nld');
    const tokens = analysis.tokens;
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    const stopword = tokens.find((t) => t.text === 'De');
    expect(stopword).toBeDefined();
    expect(stopword?.term).toBeUndefined();
    expect(tokens.find((t) => t.text === 'begeleidingstrajecten')?.term).toMatch(
      /^begeleidingstraject/,
    );
    expect(response.body.entities).toContainEqual(
      expect.objectContaining({ type: 'amount', value: 500_000 }),
    );
  });

  it('answers 400 for a missing text, a malformed body and an oversized text', async () => {
    const missing = await request(seeded.app).post('/api/analyze').send({});
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('text');

    const malformed = await request(seeded.app)
      .post('/api/analyze')
      .set('Content-Type', 'application/json')
      .send('{"text": "half');
    expect(malformed.status).toBe(400);
    expect(malformed.type).toBe('application/json');
    expect(malformed.body).toEqual({
      code: 'malformed_body',
      message: 'De aanvraag is geen geldige JSON.',
    });

    const huge = await request(seeded.app)
      .post('/api/analyze')
      .send({ text: 'woord '.repeat(40_000) });
    expect(huge.status).toBe(400);
    expect(huge.body.message).toContain('text');
  });
});

describe('GET /api/health', () => {
  it('reports the backend and what it holds', async () => {
    const response = await request(seeded.app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      status: 'ok',
      backend: 'embedded',
      documents: seeded.seeds.length,
      passages: seeded.seeds.reduce((sum, s) => sum + s.passages.length, 0),
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('describes every endpoint, with parameters generated from the validation schemas', async () => {
    const response = await request(seeded.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/api/analyze',
        '/api/documents/{id}',
        '/api/documents/{id}/similar',
        '/api/export',
        '/api/facets/{facet}',
        '/api/feed',
        '/api/health',
        '/api/openapi.json',
        '/api/search',
        '/api/similar',
        '/api/suggest',
      ].sort(),
    );
    const parameters = document.paths['/api/search'].get.parameters as {
      name: string;
      schema: { type: string; maximum?: number };
    }[];
    const byName = new Map(parameters.map((p) => [p.name, p]));
    expect(byName.get('theme')?.schema.type).toBe('array');
    expect(byName.get('size')?.schema.maximum).toBe(MAX_PAGE_SIZE);
    for (const name of [
      'q',
      'minister',
      'amountMin',
      'dateTo',
      'sort',
      'page',
      'after',
      'groupBy',
    ]) {
      expect(byName.has(name)).toBe(true);
    }
    // Every $ref points at a schema the document defines.
    const refs = JSON.stringify(document).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs)) {
      expect(document.components.schemas).toHaveProperty(ref.split('/').pop()!);
    }
  });
});

describe('the HTTP layer', () => {
  it('serves the search page from the web root, under the same CSP', async () => {
    const webRoot = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-web-'));
    try {
      await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Vraagbaak</title>');
      await writeFile(path.join(webRoot, 'app.js'), 'export {};');
      const app = createApp({
        backend: seeded.backend,
        logger: pino({ level: 'silent' }),
        webRoot,
      });
      const page = await request(app).get('/');
      expect(page.status).toBe(200);
      expect(page.type).toBe('text/html');
      expect(page.text).toContain('<title>Vraagbaak</title>');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect((await request(app).get('/app.js')).type).toMatch(/javascript$/);
      expect((await request(app).get('/api/health')).status).toBe(200);
    } finally {
      await rm(webRoot, { recursive: true, force: true });
    }
  });

  it('answers unknown routes with 404 JSON', async () => {
    for (const url of ['/api/nothing-here', '/no/such/page']) {
      const response = await request(seeded.app).get(url);
      expect(response.status).toBe(404);
      expect(response.type).toBe('application/json');
      expect(response.body.message).toContain(url);
    }
  });

  it('sends security headers: a CSP limited to the page itself, nosniff, no x-powered-by', async () => {
    const response = await request(seeded.app).get('/api/health');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('allows no other origin by default, and the configured ones when given', async () => {
    const origin = 'https://example.org';
    const closed = await request(seeded.app).get('/api/health').set('Origin', origin);
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();

    const open = createApp({
      backend: seeded.backend,
      logger: pino({ level: 'silent' }),
      corsOrigins: [origin],
    });
    const allowed = await request(open).get('/api/health').set('Origin', origin);
    expect(allowed.headers['access-control-allow-origin']).toBe(origin);
    const other = await request(open).get('/api/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
