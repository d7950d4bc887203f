// "Eerder gesteld?" in a real headless Chromium against the real app and the embedded backend
// holding the five seeds: a pasted draft finds its source, a document lists the documents like it,
// and both keep to the facet filters of the page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentRecord } from '../../src/model/document.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { likeText } from '../../src/search/similar/like-document.ts';
import { SimilarQuery } from '../../src/search/similar/similar-query.ts';
import { buildWeb } from '../../web/build.ts';
import { parseSeeds } from '../api/seeded-app.ts';
import { launchBrowser } from './browser.ts';
import { servePage, type PageServer } from './page-server.ts';
import { facetCheckbox, settled, urlHas } from './search-page.ts';

/** The documents listed in a similar-questions list, in order, with their answered badge. */
const listed = (page: Page, list: string) =>
  page.$$eval(`${list} .similar-hit`, (hits) =>
    hits.map((hit) => ({
      id: hit.getAttribute('data-document') ?? '',
      badge: hit.querySelector('.badge')?.textContent ?? '',
      marks: hit.querySelectorAll('mark').length,
    })),
  );
const loaded = (page: Page, list: string) =>
  page.waitForFunction((selector) => {
    const box = document.querySelector(selector);
    return (
      box &&
      !box.hasAttribute('aria-busy') &&
      box.querySelector('.similar-hits, .similar-none, .notice')
    );
  }, list);

describe('"Eerder gesteld?" in a browser (embedded backend)', () => {
  let seeds: DocumentRecord[];
  let backend: EmbeddedBackend;
  let server: PageServer;
  let dataDir: string;
  let browser: Browser;
  let context: BrowserContext;
  const seed = (prefix: string) => seeds.find((s) => s.id.startsWith(prefix))!;

  beforeAll(async () => {
    await buildWeb();
    seeds = await parseSeeds();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-similar-page-'));
    backend = await EmbeddedBackend.open({ dataDir });
    await backend.index(
      (async function* () {
        yield* seeds;
      })(),
      { mode: 'rebuild' },
    );
    server = await servePage(backend);
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    await settled(page);
    return { page, problems };
  }

  test('a pasted draft finds the question it was taken from, within the chosen minister', async () => {
    const { page, problems } = await open(server.url);
    const source = seed('001_');
    await page.locator('#draft-panel > summary').click();
    await page.locator('#draft').fill(likeText(source));
    await page.getByRole('button', { name: 'Vergelijkbare vragen zoeken' }).click();
    await loaded(page, '#draft-results');
    const all = await listed(page, '#draft-results');
    expect(all[0]).toMatchObject({ id: source.id, badge: 'Beantwoord' });
    expect(all[0]!.marks).toBeGreaterThan(0);

    // Narrowing the search to another minister narrows the draft's list the same way.
    const other = seeds.find((s) => s.minister && s.minister !== source.minister)!;
    await facetCheckbox(page, 'minister', other.minister!).check();
    await urlHas(page, 'minister', other.minister!);
    await page.waitForFunction(
      (id) => !document.querySelector(`#draft-results [data-document="${id}"]`),
      source.id,
    );
    await loaded(page, '#draft-results');
    const expected = await backend.similar(
      SimilarQuery.parse({ text: likeText(source), filters: { minister: [other.minister!] } }),
    );
    expect((await listed(page, '#draft-results')).map((h) => h.id)).toEqual(
      expected.hits.map((h) => h.documentId),
    );
    expect(problems).toEqual([]);
  });

  test('a document lists the questions like it, and a link opens one of them', async () => {
    const source = seed('000_');
    const { page, problems } = await open(`${server.url}?doc=${encodeURIComponent(source.id)}`);
    await page.waitForSelector('#similar-title');
    expect(await page.textContent('#similar-title')).toBe('Vergelijkbare vragen');
    await loaded(page, '.similar-documents');
    const shown = await listed(page, '.similar-documents');
    expect(shown.map((h) => h.id)).not.toContain(source.id);
    expect(shown[0]?.id).toBe(seed('001_').id);

    await page.locator(`.similar-documents [data-document="${seed('001_').id}"] a`).click();
    await urlHas(page, 'doc', seed('001_').id);
    await page.waitForFunction(
      (title) => document.querySelector('#document-title')?.textContent === title,
      seed('001_').title,
    );
    expect(problems).toEqual([]);
  });

  test('the document view keeps to the filters in the URL', async () => {
    const source = seed('000_');
    const { page } = await open(`${server.url}?doc=${encodeURIComponent(source.id)}&year=1999`);
    await loaded(page, '.similar-documents');
    expect(await listed(page, '.similar-documents')).toEqual([]);
    expect(await page.textContent('.similar-documents')).toContain('Geen vergelijkbare vragen');
  });
});
