// The search page in a real headless Chromium, against the real app and a real backend holding the
// five seeds plus one hostile hand-made document. The same flows run on the embedded backend and on
// Elasticsearch; screenshots for the README come from the embedded run.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { errorTable } from '../../src/api/errors.ts';
import { createElasticsearchClient } from '../../src/search/elasticsearch/client.ts';
import type { DocumentRecord } from '../../src/model/document.ts';
import { parliaments } from '../../src/pipeline/parliaments.ts';
import type { SearchBackend } from '../../src/search/backend.ts';
import type { SearchResult } from '../../src/search/query.ts';
import { ElasticsearchBackend } from '../../src/search/elasticsearch/backend.ts';
import { EmbeddedBackend } from '../../src/search/embedded/embedded-backend.ts';
import { buildWeb } from '../../web/build.ts';
import { parseSeeds, repoRoot } from '../api/seeded-app.ts';
import { describeElasticsearch, elasticsearchUrl } from '../support/elasticsearch.ts';
import { launchBrowser } from './browser.ts';
import {
  HOSTILE_SEARCH_TERM,
  hostileDocument,
  imagePayload,
  scriptPayload,
} from './hostile-document.ts';
import { CAPITAL_THEME, federalDocument } from './federal-document.ts';
import { closedPortUrl, servePage, type PageServer } from './page-server.ts';
import {
  facetCheckbox,
  settled,
  shownFacets,
  shownHits,
  statusText,
  typeQuery,
  urlHas,
} from './search-page.ts';

const require = createRequire(import.meta.url);
const screenshotsDir = path.join(repoRoot, 'docs/screenshots');
/** The README's screenshots are rewritten only when asked: UPDATE_SCREENSHOTS=1. */
const updateScreenshots = process.env.UPDATE_SCREENSHOTS === '1';
const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const MAX_SCRIPT_BYTES = 200 * 1024;

let webBuild: ReturnType<typeof buildWeb> | null = null;
/** The page is built once per test file, from the current source. */
const builtWeb = () => (webBuild ??= buildWeb());

/** The number at the start of the status line ("11 treffers voor …"). */
const shownTotal = async (page: Page) =>
  Number((await statusText(page)).split(' ')[0]?.replace(/\./g, ''));

interface OpenedPage {
  page: Page;
  /** Uncaught page errors and dialogs (alert/confirm): a script that ran where none should. */
  problems: string[];
  /** Bytes of JavaScript the page downloaded. */
  scriptBytes: () => number;
}

function browserSession() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (
    url: string,
    viewport = WIDE,
    options: { bypassCSP?: boolean } = {},
  ): Promise<OpenedPage> => {
    const context = await browser.newContext({
      viewport,
      locale: 'nl-BE',
      acceptDownloads: true,
      ...options,
    });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    let scriptBytes = 0;
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      response.body().then(
        (body) => (scriptBytes += body.length),
        () => undefined,
      );
    });
    await page.goto(url);
    await settled(page);
    return { page, problems, scriptBytes: () => scriptBytes };
  };
}

/**
 * axe-core's violations of WCAG 2.2 A/AA (with 2.0 and 2.1) and of its best practices, on the page
 * as it stands: rule id and offending elements.
 */
async function accessibilityViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  return violations;
}

interface BackendCase {
  name: string;
  describe: (name: string, fn: () => void) => void;
  open: () => Promise<{ backend: SearchBackend; dispose: () => Promise<void> }>;
}

function searchPageSuite({ name, describe: describeBackend, open }: BackendCase): void {
  describeBackend(`search page in a browser (${name} backend)`, () => {
    let seeds: DocumentRecord[];
    let seed000: DocumentRecord;
    let server: PageServer;
    let dispose: () => Promise<void>;
    const openPage = browserSession();

    beforeAll(async () => {
      await builtWeb();
      seeds = await parseSeeds();
      const found = seeds.find((d) => path.basename(d.source).startsWith('000_'));
      if (!found) throw new Error('seed 000 is missing');
      seed000 = found;
      const opened = await open();
      dispose = opened.dispose;
      const report = await opened.backend.index(
        (async function* () {
          yield* seeds;
          yield hostileDocument;
          yield federalDocument;
        })(),
        { mode: 'rebuild' },
      );
      expect(report.failures).toEqual([]);
      server = await servePage(opened.backend);
    });
    afterAll(async () => {
      await server?.close();
      await dispose?.();
    });

    test('search, narrow by minister, read the document with paired answers, export CSV', async () => {
      const { page, problems, scriptBytes } = await openPage(server.url);
      expect(scriptBytes()).toBeGreaterThan(0);
      expect(scriptBytes()).toBeLessThan(MAX_SCRIPT_BYTES);

      await typeQuery(page, 'begeleidingstraject');
      expect(await statusText(page)).toMatch(/^\d+ treffers voor „begeleidingstraject”$/);
      const hits = await shownHits(page);
      const fromSeed000 = hits.filter((hit) => hit.id.startsWith(`${seed000.id}:`));
      expect(fromSeed000.length).toBeGreaterThan(0);
      expect(fromSeed000.flatMap((hit) => hit.marks)).toContainEqual(
        expect.stringMatching(/^begeleidingstraject$/i),
      );
      expect(fromSeed000[0]?.title).toBe(seed000.title);
      if (name === 'embedded' && updateScreenshots) {
        await page.locator('#q').blur();
        await mkdir(screenshotsDir, { recursive: true });
        await page.screenshot({ path: path.join(screenshotsDir, 'results.png'), fullPage: true });
      }

      // Another minister's question also matches, so narrowing to one minister changes the counts.
      const total = await shownTotal(page);
      const before = await shownFacets(page);
      const crevits = before.minister?.['Hilde Crevits'] ?? 0;
      expect(crevits).toBeGreaterThan(0);
      expect(crevits).toBeLessThan(total);
      await facetCheckbox(page, 'minister', 'Hilde Crevits').check();
      await urlHas(page, 'minister', 'Hilde Crevits');
      await settled(page);
      const after = await shownFacets(page);
      expect(await shownTotal(page)).toBe(crevits);
      const narrowed = await shownHits(page);
      expect(narrowed).toHaveLength(crevits);
      for (const hit of narrowed) expect(hit.meta).toMatch(/→ Hilde Crevits$/);
      // Disjunctive: the minister facet still offers the other minister, with unchanged counts.
      expect(after.minister).toEqual(before.minister);
      expect(after.asker).not.toEqual(before.asker);
      expect(await facetCheckbox(page, 'minister', 'Hilde Crevits').isChecked()).toBe(true);

      // The document: opened from a hit, questions paired with their own answers.
      await page.locator(`.hit[data-id^="${seed000.id}:"] .hit-title a`).first().click();
      await urlHas(page, 'doc', seed000.id);
      await page.waitForSelector('.document');
      expect(await page.textContent('.document h2')).toBe(seed000.title);
      const questions = seed000.passages.filter((p) => p.type === 'question');
      const pairs = page.locator('.qa-pair');
      expect(await pairs.count()).toBe(questions.length);
      for (const [i, question] of questions.entries()) {
        const answer = seed000.passages.find(
          (p) =>
            p.type === 'answer' && (p.questionId === question.id || p.number === question.number),
        );
        const pair = pairs.nth(i);
        const sides = pair.locator('.passage');
        expect(await sides.nth(0).locator('.badge').textContent()).toBe(`Vraag ${question.number}`);
        expect(await sides.nth(0).locator('.passage-text').textContent()).toBe(question.text);
        expect(await sides.nth(1).locator('.badge').textContent()).toBe(
          `Antwoord ${question.number}`,
        );
        expect(await sides.nth(1).locator('.passage-text').textContent()).toBe(answer?.text);
        // Wide screen: the answer stands beside its question.
        const [q, a] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
        expect(a!.x).toBeGreaterThan(q!.x + q!.width - 1);
        expect(Math.abs(a!.y - q!.y)).toBeLessThan(5);
      }
      const amounts = seed000.passages.flatMap((p) =>
        p.entities.filter((e) => e.type === 'amount'),
      );
      expect(await page.locator('.document .passage mark.entity-amount').count()).toBe(
        amounts.length,
      );
      expect(await page.getAttribute('.doc-source a', 'href')).toBe(seed000.pdfUrl);
      expect(await page.textContent('.doc-source a')).toBe('Officieel document openen (pdf)');
      if (name === 'embedded' && updateScreenshots) {
        await page.screenshot({ path: path.join(screenshotsDir, 'document.png'), fullPage: true });
      }

      // Back to the narrowed results, and export them.
      await page.goBack();
      await settled(page);
      expect(await page.isVisible('#results-view')).toBe(true);
      expect(await shownTotal(page)).toBe(crevits);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#export-csv'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const rows: Record<string, string>[] = parse(await readFile(await download.path()), {
        columns: true,
        bom: true,
        delimiter: ';',
      });
      expect(rows).toHaveLength(crevits);
      expect(new Set(rows.map((row) => row.Minister))).toEqual(new Set(['Hilde Crevits']));
      expect(rows.map((row) => row.Document)).toContain(seed000.id);

      const [excel] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#export-xlsx'),
      ]);
      expect(excel.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await excel.path());
      expect(workbook.worksheets[0]?.actualRowCount).toBe(1 + crevits);

      // One control clears every filter.
      await page.click('#clear-filters');
      await urlHas(page, 'minister', null);
      await settled(page);
      expect(await shownTotal(page)).toBe(total);
      expect(await page.isVisible('#clear-filters')).toBe(false);
      expect(problems).toEqual([]);
    });

    test('amount and date filters narrow to passages that qualify', async () => {
      const { page } = await openPage(`${server.url}?q=begeleidingstraject`);
      const passages = new Map(
        seeds.flatMap((d) => d.passages.map((p) => [p.id, { ...p, date: d.date }])),
      );
      // Typed the Belgian way: a dot between thousands.
      const minimum = 600_000;
      await page.fill('#amount-min', '600.000');
      await page.press('#amount-min', 'Tab');
      await urlHas(page, 'amountMin', String(minimum));
      await settled(page);
      expect(await page.inputValue('#amount-min')).toBe('600.000');
      const chip = page.locator('.filter-chip', { hasText: 'Bedrag vanaf' });
      expect((await chip.textContent())?.replace(/\s/g, ' ')).toMatch(
        /^Bedrag vanaf: € 600\.000 ×$/,
      );
      const rich = await shownHits(page);
      expect(rich.length).toBeGreaterThan(0);
      for (const hit of rich) {
        const amounts = passages
          .get(hit.id)
          ?.entities.flatMap((e) => (e.type === 'amount' ? [e.value] : []));
        expect(Math.max(...(amounts ?? []))).toBeGreaterThanOrEqual(minimum);
      }
      // The amount filter is a removable chip like the others.
      await chip.click();
      await urlHas(page, 'amountMin', null);
      await settled(page);
      expect(await page.inputValue('#amount-min')).toBe('');
      expect(await shownHits(page).then((hits) => hits.length)).toBeGreaterThan(rich.length);

      await page.goto(`${server.url}?q=begeleidingstraject`);
      await settled(page);
      await page.fill('#date-to', '2019-12-31');
      await page.press('#date-to', 'Tab');
      await urlHas(page, 'dateTo', '2019-12-31');
      await settled(page);
      const early = await shownHits(page);
      expect(early.length).toBeGreaterThan(0);
      const dateOf = (id: string) => passages.get(id)?.date ?? 'undated';
      for (const hit of early) expect(dateOf(hit.id) <= '2019-12-31', dateOf(hit.id)).toBe(true);
      // The date filter is a removable chip like the others.
      await page.click('.filter-chip:has-text("Datum tot: 31 december 2019")');
      await urlHas(page, 'dateTo', null);
      await settled(page);
      expect(await page.inputValue('#date-to')).toBe('');

      // "1,5 miljoen" means one and a half million; text that is no amount is flagged, not sent.
      await page.fill('#amount-max', '1,5 miljoen');
      await page.press('#amount-max', 'Tab');
      await urlHas(page, 'amountMax', '1500000');
      await page.fill('#amount-min', 'veel');
      await page.press('#amount-min', 'Tab');
      expect(await page.getAttribute('#amount-min', 'aria-invalid')).toBe('true');
      await urlHas(page, 'amountMax', '1500000');
    });

    test('markup in passages, titles and names is shown as text and never runs', async () => {
      const { page, problems } = await openPage(`${server.url}?q=${HOSTILE_SEARCH_TERM}`);
      const hits = await shownHits(page);
      expect(hits.map((hit) => hit.id).sort()).toEqual(
        hostileDocument.passages.map((p) => p.id).sort(),
      );
      const shownText = hits.flatMap((hit) => [hit.title, hit.meta, ...hit.snippets]).join('\n');
      expect(shownText).toContain(scriptPayload);
      expect(shownText).toContain(imagePayload);
      expect(shownText).toContain('<mark>nep</mark>');
      expect(shownText).toContain('Eva <b>Vet</b>');
      // Only the highlighting's own <mark>s become elements: the search term, never "nep".
      expect(new Set(hits.flatMap((hit) => hit.marks))).toEqual(new Set([HOSTILE_SEARCH_TERM]));
      expect(await page.locator('#results-view :is(script, img, i, b), #hits svg').count()).toBe(0);

      await page.locator('.hit-title a').first().click();
      await page.waitForSelector('.document');
      const documentText = (await page.textContent('.document')) ?? '';
      expect(documentText).toContain(scriptPayload);
      expect(documentText).toContain(imagePayload);
      expect(documentText).toContain('<svg onload=');
      expect(await page.locator('.document :is(script, img, svg, i, b)').count()).toBe(0);
      // A javascript: PDF link is not offered.
      expect(await page.locator('.document a[href^="javascript"]').count()).toBe(0);
      await page.waitForTimeout(200); // room for an onerror/onload handler to have fired
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(problems).toEqual([]);
    });

    test('a highlight the server failed to escape is still shown as text', async () => {
      const { page, problems } = await openPage(server.url);
      // The real answer, with its first fragment replaced by raw, unescaped markup: the page itself
      // must let only <mark> through, whatever the server sends.
      const raw = `<mark>${HOSTILE_SEARCH_TERM}</mark> ${scriptPayload} ${imagePayload} &amp; &lt;b&gt;`;
      await page.route('**/api/search?*', async (route) => {
        const response = await route.fetch();
        const result = (await response.json()) as SearchResult;
        for (const hit of result.hits) hit.highlights = [raw];
        await route.fulfill({ response, json: result });
      });
      await typeQuery(page, HOSTILE_SEARCH_TERM);
      const hits = await shownHits(page);
      expect(hits.length).toBeGreaterThan(0);
      for (const hit of hits) {
        expect(hit.snippets).toEqual([
          `${HOSTILE_SEARCH_TERM} ${scriptPayload} ${imagePayload} & <b>`,
        ]);
        expect(hit.marks).toEqual([HOSTILE_SEARCH_TERM]);
      }
      expect(await page.locator('#hits :is(script, img, b)').count()).toBe(0);
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(problems).toEqual([]);
    });

    test('back and forward restore each search; a reload or shared link reproduces it', async () => {
      const { page } = await openPage(server.url);
      await typeQuery(page, 'ondernemers');
      // Enter runs the search as written (while typing, the last word was also a prefix).
      await page.press('#q', 'Enter');
      await settled(page);
      const plain = {
        total: await shownTotal(page),
        ids: (await shownHits(page)).map((h) => h.id),
      };
      const years = await shownFacets(page).then((facets) => Object.keys(facets.year ?? {}));
      expect(years.length).toBeGreaterThan(1);

      // The year chart doubles as a filter: click the bar of the most recent year.
      const year = years.sort().at(-1)!;
      await page.click(`.histogram .bar[data-year="${year}"]`);
      await urlHas(page, 'year', year);
      await settled(page);
      const filtered = {
        total: await shownTotal(page),
        ids: (await shownHits(page)).map((h) => h.id),
      };
      expect(filtered.total).toBeLessThan(plain.total);
      expect(await page.getAttribute(`.bar[data-year="${year}"]`, 'aria-pressed')).toBe('true');
      expect(await facetCheckbox(page, 'year', year).isChecked()).toBe(true);

      await page.selectOption('#sort', 'date');
      await urlHas(page, 'sort', 'date');
      await settled(page);
      const dateOf = new Map(seeds.map((d) => [d.id, d.date ?? '']));
      const byDate = (await shownHits(page)).map((hit) => dateOf.get(hit.id.split(':')[0]!) ?? '');
      expect(byDate).toHaveLength(filtered.total);
      expect(byDate).toEqual([...byDate].sort().reverse());

      await page.goBack();
      await urlHas(page, 'sort', null);
      await settled(page);
      expect(await page.inputValue('#sort')).toBe('relevance');
      expect((await shownHits(page)).map((h) => h.id)).toEqual(filtered.ids);

      await page.goBack();
      await urlHas(page, 'year', null);
      await settled(page);
      expect(await shownTotal(page)).toBe(plain.total);
      expect((await shownHits(page)).map((h) => h.id)).toEqual(plain.ids);
      expect(await facetCheckbox(page, 'year', year).isChecked()).toBe(false);
      expect(await page.inputValue('#q')).toBe('ondernemers');

      await page.goForward();
      await urlHas(page, 'year', year);
      await settled(page);
      expect((await shownHits(page)).map((h) => h.id)).toEqual(filtered.ids);

      await page.reload();
      await settled(page);
      expect(await page.inputValue('#q')).toBe('ondernemers');
      expect(await facetCheckbox(page, 'year', year).isChecked()).toBe(true);
      expect((await shownHits(page)).map((h) => h.id)).toEqual(filtered.ids);

      const { page: shared } = await openPage(page.url());
      expect((await shownHits(shared)).map((h) => h.id)).toEqual(filtered.ids);
    });

    test('paging, grouping per document, and the empty-result message', async () => {
      const { page } = await openPage(server.url);
      const total = await shownTotal(page);
      const passages = seeds.reduce((sum, d) => sum + d.passages.length, 0);
      expect(total).toBe(
        passages + hostileDocument.passages.length + federalDocument.passages.length,
      );
      const first = (await shownHits(page)).map((h) => h.id);
      expect(first).toHaveLength(20);
      await page.click('#pagination a[rel="next"]');
      await urlHas(page, 'page', '2');
      await settled(page);
      const second = (await shownHits(page)).map((h) => h.id);
      expect(second).toHaveLength(20);
      expect(second.filter((id) => first.includes(id))).toEqual([]);

      await page.check('#group');
      await urlHas(page, 'groupBy', 'document');
      await settled(page);
      expect(await statusText(page)).toBe(`${seeds.length + 2} documenten`);
      expect(await page.locator('.hit .matching').count()).toBe(seeds.length + 2);
      // Grouped, the facets and the chart count documents too.
      const types = (await shownFacets(page)).type ?? {};
      expect(types['Vraag']).toBe(seeds.length + 2);
      // Passage types by their Dutch names.
      for (const type of Object.keys(types))
        expect(['Vraag', 'Antwoord', 'Inleiding', 'Bijlage']).toContain(type);
      const bars = await page
        .locator('.histogram .bar')
        .evaluateAll((elements) => elements.map((bar) => bar.getAttribute('aria-label') ?? ''));
      for (const bar of bars) expect(bar).toMatch(/^\d{4}, \d+ document(en)?$/);
      const dated = [...seeds, hostileDocument, federalDocument].filter((d) => d.date).length;
      expect(bars.reduce((sum, bar) => sum + Number(bar.split(', ')[1]!.split(' ')[0]), 0)).toBe(
        dated,
      );

      await typeQuery(page, 'xyzzyquux');
      expect(await page.textContent('#message')).toContain('Geen resultaten voor „xyzzyquux”');
      expect(await page.locator('.hit').count()).toBe(0);
      expect(await page.isVisible('#export')).toBe(false);
    });

    test('relaxed results say so; "did you mean" runs the corrected query; the document marks its words', async () => {
      const { page } = await openPage(server.url);
      await typeQuery(page, 'begeleidingstraject gratis zeppelinhaven');
      expect(await page.textContent('#message')).toContain(
        'Geen resultaten voor alle woorden; resultaten met de meeste woorden',
      );
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);

      await typeQuery(page, 'begeleidingstrajekt');
      const didYouMean = page.locator('[data-note="did-you-mean"] a');
      expect(await didYouMean.textContent()).toBe('begeleidingstraject');
      expect(await page.textContent('[data-note="did-you-mean"]')).toBe(
        'Bedoelde u begeleidingstraject (in plaats van „begeleidingstrajekt”)?',
      );
      await didYouMean.click();
      await urlHas(page, 'q', 'begeleidingstraject');
      await settled(page);
      expect(await page.locator('[data-note]').count()).toBe(0);
      expect(await page.locator('.hit').count()).toBeGreaterThan(0);

      await page.locator('.hit a').first().click();
      await page.waitForSelector('.document');
      const marked = await page.locator('.document .passage mark.query-match').allTextContents();
      expect(marked.length).toBeGreaterThan(0);
      expect(marked.every((word) => word.toLowerCase().startsWith('begeleidingstraject'))).toBe(
        true,
      );
    });

    test('keyboard: "/" focuses the search, focus is visible, the chart works with Enter', async () => {
      const { page } = await openPage(server.url);
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
      await page.keyboard.type('begeleidingstraject');
      await page.keyboard.press('Enter');
      await urlHas(page, 'q', 'begeleidingstraject');
      await settled(page);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        return { text: element.textContent, outline: getComputedStyle(element).outlineStyle };
      });
      expect(focused).toEqual({ text: 'Zoeken', outline: 'solid' });
      const year = await page.getAttribute('.histogram .bar', 'data-year');
      await page.focus(`.histogram .bar[data-year="${year}"]`);
      await page.keyboard.press('Enter');
      await urlHas(page, 'year', year);
    });

    test('suggestions while typing: choosing a minister filters on that minister', async () => {
      const { page } = await openPage(server.url);
      await page.locator('#q').pressSequentially('crev', { delay: 30 });
      const option = page.locator('#suggestions [role="option"]', { hasText: 'Hilde Crevits' });
      await option.waitFor();
      expect(await option.locator('.suggestion-kind').textContent()).toBe('minister');
      expect(await page.getAttribute('#q', 'aria-expanded')).toBe('true');
      // Arrow down to the option, then Enter chooses it.
      const position = await page
        .locator('#suggestions [role="option"]')
        .evaluateAll((options) =>
          options.findIndex((o) => o.textContent?.startsWith('Hilde Crevits')),
        );
      for (let i = 0; i <= position; i++) await page.keyboard.press('ArrowDown');
      expect(await option.getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');
      await urlHas(page, 'minister', 'Hilde Crevits');
      await urlHas(page, 'q', null);
      await settled(page);
      expect(await page.isVisible('#suggestions')).toBe(false);
      expect(await page.inputValue('#q')).toBe('');
      expect(await facetCheckbox(page, 'minister', 'Hilde Crevits').isChecked()).toBe(true);
      for (const hit of await shownHits(page)) expect(hit.meta).toMatch(/→ Hilde Crevits$/);
    });

    test('meets WCAG 2.2 AA and best practices as far as axe-core can tell, desktop and phone', async () => {
      for (const viewport of [WIDE, PHONE]) {
        const where = viewport === WIDE ? 'desktop' : 'phone';
        // The page's CSP allows only its own scripts; axe is injected by the test, so CSP is bypassed.
        const options = { bypassCSP: true };
        const { page: start } = await openPage(server.url, viewport, options);
        expect(await accessibilityViolations(start), `${where}: start page`).toEqual([]);

        const { page } = await openPage(
          `${server.url}?q=begeleidingstraject&minister=Hilde+Crevits`,
          viewport,
          options,
        );
        expect(await accessibilityViolations(page), `${where}: results`).toEqual([]);
        if (viewport === PHONE) {
          await page.click('#open-filters');
          await page.waitForSelector('#filters[role="dialog"]');
          expect(await accessibilityViolations(page), `${where}: open filter drawer`).toEqual([]);
          await page.keyboard.press('Escape');
        }
        await page.locator('.hit-title a').first().click();
        await page.waitForSelector('.document');
        expect(await accessibilityViolations(page), `${where}: document`).toEqual([]);
        await page.locator('.doc-details .person-link').first().click();
        await page.waitForSelector('.person');
        expect(await accessibilityViolations(page), `${where}: person page`).toEqual([]);
      }
    });

    test('keyboard: the page has an <h1>; the skip link lands on the results, before any filter', async () => {
      const { page } = await openPage(`${server.url}?q=begeleidingstraject`);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.textContent('h1')).toContain('Vraagbaak');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Naar de resultaten',
      );
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('results');
      // From there, the first result is a few Tabs away (past the toolbar), not past the sidebar.
      let tabs = 0;
      while (tabs < 15) {
        await page.keyboard.press('Tab');
        tabs++;
        if (await page.evaluate(() => document.activeElement?.closest('.hit-title') !== null))
          break;
      }
      expect(tabs).toBeLessThan(15);
      expect(await page.evaluate(() => document.activeElement?.closest('#filters'))).toBeNull();
    });

    test('facets show their true number of values; all can be loaded and searched', async () => {
      const { page } = await openPage(server.url);
      const result = (await (
        await page.request.get(`${server.url}api/search`)
      ).json()) as SearchResult;
      const organisations = result.facetTotals.organisation;
      // More than the sidebar lists at first (API tests check the counts beyond FACET_SIZE).
      expect(organisations).toBeGreaterThan(10);
      const showAll = page.locator('[data-show-all="organisation"]');
      expect(await showAll.textContent()).toBe(`Toon alle ${organisations}`);
      await showAll.click();
      const facet = page.locator('fieldset[data-facet="organisation"]');
      await facet.locator('.facet-search').waitFor();
      expect(await facet.locator('li').count()).toBe(organisations);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('facet-search');
      // Typing narrows the list to matching names, without regard to case or accents.
      const name = result.facets.organisation.at(-1)!.value;
      await facet.locator('.facet-search').fill(name.slice(0, 6).toUpperCase());
      const visible = await facet.locator('li:visible .facet-name').allTextContents();
      expect(visible).toContain(name);
      for (const text of visible)
        expect(text.toLowerCase()).toContain(name.slice(0, 6).toLowerCase());

      // A theme written in capitals reads in normal case and wraps between words.
      const theme = page.locator('fieldset[data-facet="theme"] .facet-name', {
        hasText: 'Economische zaken en sociale zekerheid',
      });
      expect(await theme.textContent()).toBe(
        CAPITAL_THEME.charAt(0) + CAPITAL_THEME.slice(1).toLowerCase(),
      );
      const lines = await theme.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return [...range.getClientRects()].length;
      });
      expect(lines).toBeGreaterThan(1);
      expect(await theme.evaluate((e) => getComputedStyle(e).overflowWrap)).toBe('break-word');
      // Abbreviations (words without a vowel) keep their capitals.
      expect(
        await page.locator('fieldset[data-facet="theme"] .facet-name').allTextContents(),
      ).toContain('Vervoer per spoor (NMBS)');
      // Checkboxes meet the 24 px target size of WCAG 2.2.
      const box = await page.locator('fieldset[data-facet="theme"] input').first().boundingBox();
      expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(24);
    });

    test('while typing, the last word is a prefix: no "Geen resultaten" flash, the sidebar stays', async () => {
      const { page } = await openPage(server.url);
      // Record every state the page passes through while the word is typed.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seen: string[] }).seen = seen;
        new MutationObserver(() => {
          const sidebar = document.getElementById('filters')!.getBoundingClientRect();
          seen.push(`${document.getElementById('message')!.textContent}|${sidebar.width}`);
        }).observe(document.getElementById('results-view')!, { subtree: true, childList: true });
      });
      await page.locator('#q').pressSequentially('kinderop', { delay: 120 });
      await urlHas(page, 'q', 'kinderop');
      await settled(page);
      const hits = await shownHits(page);
      expect(hits.map((hit) => hit.id.split(':')[0])).toContain(federalDocument.id);
      expect(hits.flatMap((hit) => hit.marks).map((m) => m.toLowerCase())).toContain(
        'kinderopvang',
      );
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.length).toBeGreaterThan(0);
      for (const state of seen) {
        expect(state).not.toContain('Geen resultaten');
        expect(Number(state.split('|')[1])).toBeGreaterThan(100);
      }
      // Enter searches for the word as written: no document has the word "kinderop" itself.
      await page.press('#q', 'Enter');
      await page.waitForSelector('#message .notice');
      expect(await page.textContent('#message')).toContain('Geen resultaten voor „kinderop”');
    });

    test('start page: says what it covers, newest documents first; the search can be followed', async () => {
      const { page } = await openPage(server.url);
      await page.waitForSelector('#coverage:not([hidden])');
      const documents = seeds.length + 2;
      const passages =
        seeds.reduce((sum, d) => sum + d.passages.length, 0) +
        hostileDocument.passages.length +
        federalDocument.passages.length;
      const years = [...seeds, hostileDocument, federalDocument].flatMap((d) =>
        d.date ? [Number(d.date.slice(0, 4))] : [],
      );
      // The parliaments by their number of passages: the seeds and the hostile document are Flemish.
      expect(federalDocument.passages.length).toBeLessThan(passages / 2);
      expect(await page.textContent('#coverage')).toBe(
        `Vraagbaak doorzoekt ${documents} schriftelijke vragen uit ${Math.min(...years)} tot ${Math.max(...years)} met hun antwoorden (${passages} passages) — ${parliaments.flemish} en ${parliaments.federal}. Zonder zoekwoorden staan de nieuwste eerst.`,
      );
      const dateOf = new Map(
        [...seeds, hostileDocument, federalDocument].map((d) => [d.id, d.date]),
      );
      const dates = (await shownHits(page)).map((hit) => dateOf.get(hit.id.split(':')[0]!) ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
      expect(await page.inputValue('#sort')).toBe('date');

      await typeQuery(page, 'begeleidingstraject');
      expect(await page.isVisible('#coverage')).toBe(false);
      const feed = await page.getAttribute('#feed-link', 'href');
      expect(await page.textContent('#feed-link')).toBe('Volg deze zoekopdracht');
      expect(feed).toBe('api/feed?q=begeleidingstraject');
      expect(
        await page.getAttribute('link[rel="alternate"][type="application/atom+xml"]', 'href'),
      ).toBe(feed);
      const response = await page.request.get(`${server.url}${feed}`);
      expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
      expect(await response.text()).toContain('<title>Vraagbaak: „begeleidingstraject”</title>');
    });

    test('document view: the search words marked, "Zie vraag 3" links to question 3, legend as marked', async () => {
      const { page } = await openPage(
        `${server.url}?q=begeleidingstraject&doc=${encodeURIComponent(seed000.id)}`,
      );
      await page.waitForSelector('.document');
      const marks = await page.locator('.document .passage mark.query-match').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^begeleidingstraject/);
      expect(await page.textContent('.legend')).toContain('uw zoekwoorden');
      // The asker and the minister lead to their own pages from here too.
      expect(await page.locator('.doc-details .person-link').allTextContents()).toEqual([
        seed000.asker,
        seed000.minister,
      ]);
      const reference = page.locator('.document .passage-text a', { hasText: 'Zie vraag 3' });
      const question3 = seed000.passages.find((p) => p.type === 'question' && p.number === 3)!;
      expect(await reference.getAttribute('href')).toBe(`#${encodeURIComponent(question3.id)}`);
      await reference.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(question3.id);
      expect(await page.isVisible('.document')).toBe(true);

      // A document with nothing marked has no legend.
      const { page: plain } = await openPage(`${server.url}?doc=${federalDocument.id}`);
      await plain.waitForSelector('.document');
      expect(await plain.locator('.legend').count()).toBe(0);
      expect(await plain.textContent('.doc-details')).toContain('Minister van Werk');
    });

    test('every name leads to the person: their questions over time, themes, parties', async () => {
      const { page } = await openPage(`${server.url}?q=begeleidingstraject`);
      // Every asker and minister a hit names is a link to their page.
      const shown = (await (
        await page.request.get(`${server.url}api/search?q=begeleidingstraject`)
      ).json()) as SearchResult;
      const names = shown.hits.flatMap((hit) => [hit.asker, hit.minister].filter(Boolean));
      expect(names.length).toBeGreaterThan(0);
      expect(await page.locator('.hit-meta .person-link').allTextContents()).toEqual(names);
      const asker = seed000.asker!;
      await page
        .locator('.hit-meta .person-link[data-role="asker"]', { hasText: asker })
        .first()
        .click();
      await urlHas(page, 'person', asker);
      await page.waitForSelector('.person');
      expect(await page.textContent('.person h2')).toBe(asker);
      const theirs = [...seeds, hostileDocument, federalDocument].filter((d) => d.asker === asker);
      expect(await page.textContent('.person-summary')).toMatch(
        new RegExp(`^${theirs.length} schriftelijke vra(ag|gen) gesteld`),
      );
      expect(await page.locator('.person-list li').count()).toBe(theirs.length);
      const themes = await page.locator('.person-facet[data-facet="theme"] a').allTextContents();
      expect(themes.sort()).toEqual([...new Set(theirs.flatMap((d) => d.themes))].sort());
      expect(await page.locator('.person .histogram').count()).toBe(1);
      // The minister the questions went to, one click on.
      const minister = page.locator('.person-facet[data-facet="minister"] .person-link').first();
      const name = await minister.textContent();
      await minister.click();
      await urlHas(page, 'role', 'minister');
      await page.waitForFunction(
        (n) => document.querySelector('.person h2')?.textContent === n,
        name,
      );
      expect(await page.textContent('.person .doc-kicker')).toBe('Minister');
      await page.goBack();
      await page.waitForFunction(
        (n) => document.querySelector('.person h2')?.textContent === n,
        asker,
      );

      // A federal asker's page names their party (the Flemish seeds name none).
      await page.goto(
        `${server.url}?person=${encodeURIComponent(federalDocument.asker!)}&role=asker`,
      );
      await page.waitForSelector('.person');
      expect(await page.locator('.person-facet[data-facet="party"] a').allTextContents()).toEqual([
        federalDocument.party,
      ]);
    });

    test('phone: filters in a drawer with "Toon N resultaten"; the first result visible at once', async () => {
      const { page } = await openPage(server.url, PHONE);
      const noSideways = () =>
        page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        );
      // The start page: the first result's title can be read without scrolling.
      const firstTitle = await page.locator('.hit .hit-title').first().boundingBox();
      expect(firstTitle!.y + firstTitle!.height).toBeLessThan(PHONE.height);
      await typeQuery(page, 'begeleidingstraject');
      expect(await noSideways()).toBe(true);
      if (name === 'embedded' && updateScreenshots) {
        await page.screenshot({ path: path.join(screenshotsDir, 'phone-results.png') });
      }
      // The filters are folded away and open as a drawer over the page.
      expect(await page.isVisible('#facets')).toBe(false);
      await page.click('#open-filters');
      expect(await page.isVisible('#facets')).toBe(true);
      expect(await page.getAttribute('#open-filters', 'aria-expanded')).toBe('true');
      expect(await noSideways()).toBe(true);
      await facetCheckbox(page, 'minister', 'Hilde Crevits').check();
      await urlHas(page, 'minister', 'Hilde Crevits');
      await settled(page);
      // Still open after ticking, its button saying how many results wait.
      expect(await page.isVisible('#facets')).toBe(true);
      const total = await shownTotal(page);
      expect(await page.textContent('#show-results')).toBe(
        `Toon ${total} ${total === 1 ? 'resultaat' : 'resultaten'}`,
      );
      if (name === 'embedded' && updateScreenshots) {
        await page.screenshot({ path: path.join(screenshotsDir, 'phone-filters.png') });
      }
      await page.click('#show-results');
      expect(await page.isVisible('#facets')).toBe(false);
      const first = await page.locator('.hit').first().boundingBox();
      expect(first!.y).toBeLessThan(PHONE.height);

      await page.goto(`${server.url}?doc=${encodeURIComponent(seed000.id)}`);
      await page.waitForSelector('.document');
      expect(await noSideways()).toBe(true);
      const sides = page.locator('.qa-pair').first().locator('.passage');
      const [q, a] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
      expect(a!.y).toBeGreaterThanOrEqual(q!.y + q!.height - 1);
    });
  });
}

searchPageSuite({
  name: 'embedded',
  describe,
  open: async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vraagbaak-e2e-'));
    const backend = await EmbeddedBackend.open({ dataDir });
    return {
      backend,
      dispose: async () => {
        await backend.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
});

searchPageSuite({
  name: 'elasticsearch',
  describe: describeElasticsearch,
  open: async () => {
    const backend = new ElasticsearchBackend({
      client: createElasticsearchClient(elasticsearchUrl()),
      alias: 'vraagbaak-passages-e2e',
    });
    return {
      backend,
      dispose: async () => {
        await backend.clear();
        await backend.close();
      },
    };
  },
});

describe('search page when the search engine is down', () => {
  let server: PageServer;
  let backend: SearchBackend;
  const openPage = browserSession();

  beforeAll(async () => {
    await builtWeb();
    backend = new ElasticsearchBackend({
      client: createElasticsearchClient(await closedPortUrl()),
    });
    server = await servePage(backend);
  });
  afterAll(async () => {
    await server?.close();
    await backend?.close();
  });

  test('says so in Dutch instead of showing results', async () => {
    const { page, problems } = await openPage(`${server.url}?q=begeleidingstraject`);
    const alert = page.locator('#message [role="alert"]');
    expect(await alert.textContent()).toContain('De zoekdienst antwoordt op dit moment niet');
    expect(await alert.textContent()).toContain('Dat ligt niet aan u');
    expect(await alert.textContent()).not.toMatch(/verbinding/i);
    // Retrying asks the server again (and here fails again, saying the same).
    const retried = page.waitForRequest((request) => request.url().includes('/api/search'));
    await alert.locator('button', { hasText: 'Opnieuw proberen' }).click();
    await retried;
    await page.locator('#message [role="alert"]').waitFor();
    expect(await page.locator('.hit').count()).toBe(0);
    expect(await page.isVisible('#export')).toBe(false);
    // A server too busy to search says so in its own (Dutch) words, which the page shows as well.
    const busy = { code: 'server_busy', message: errorTable.server_busy.message };
    await page.route('**/api/search?*', (route) => route.fulfill({ status: 503, json: busy }));
    await page.locator('#message button', { hasText: 'Opnieuw proberen' }).click();
    await page.locator('#message [role="alert"] .detail').waitFor();
    expect(await page.textContent('#message [role="alert"] .detail')).toBe(busy.message);
    await page.unroute('**/api/search?*');

    await page.goto(`${server.url}?doc=000`);
    await page.waitForSelector('#document-view [role="alert"]');
    expect(await page.textContent('#document-view [role="alert"]')).toContain(
      'antwoordt op dit moment niet',
    );
    expect(problems).toEqual([]);
  });
});
