// Reading the search page the way a user sees it: what the status line says, which hits and facet
// counts are shown. Helpers for the browser tests.
import type { Page } from 'playwright-core';

export interface ShownHit {
  id: string;
  badge: string;
  title: string;
  meta: string;
  marks: string[];
  snippets: string[];
}

export type ShownFacets = Record<string, Record<string, number>>;

export function shownHits(page: Page): Promise<ShownHit[]> {
  return page.$$eval('.hit', (hits) =>
    hits.map((hit) => ({
      id: hit.getAttribute('data-id') ?? '',
      badge: hit.querySelector('.badge')?.textContent ?? '',
      title: hit.querySelector('.hit-title')?.textContent ?? '',
      meta: hit.querySelector('.hit-meta')?.textContent ?? '',
      marks: [...hit.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
      snippets: [...hit.querySelectorAll('.snippet')].map((p) => p.textContent ?? ''),
    })),
  );
}

export function shownFacets(page: Page): Promise<ShownFacets> {
  return page.$$eval('fieldset[data-facet]', (fieldsets) =>
    Object.fromEntries(
      fieldsets.map((fieldset) => [
        fieldset.getAttribute('data-facet') ?? '',
        Object.fromEntries(
          [...fieldset.querySelectorAll('label')].map((label) => [
            label.querySelector('.facet-name')?.textContent ?? '',
            Number(label.querySelector('.facet-count')?.textContent?.replace(/\D/g, '')),
          ]),
        ),
      ]),
    ),
  );
}

export async function statusText(page: Page): Promise<string> {
  return (await page.textContent('#status')) ?? '';
}

/** Waits until no search is in flight and the results reflect the page's URL. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[aria-busy="true"]') &&
      document.querySelector('.hit, .notice, .document') !== null,
  );
}

/** Waits until the page URL has `name=value` (or, with value null, no `name` at all). */
export async function urlHas(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForFunction(
    ([name, value]) => {
      const values = new URLSearchParams(location.search).getAll(name);
      return value === null ? values.length === 0 : values.includes(value);
    },
    [name, value] as const,
  );
}

/** Types into the search box like a person (key by key) and waits for the debounced search. */
export async function typeQuery(page: Page, text: string): Promise<void> {
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially(text, { delay: 15 });
  await urlHas(page, 'q', text);
  await settled(page);
  // Done typing: leaving the box (as a click elsewhere would) closes the suggestion list over the page.
  await box.blur();
}

export function facetCheckbox(page: Page, facet: string, value: string) {
  return page
    .locator(`fieldset[data-facet="${facet}"] label`)
    .filter({ has: page.locator('.facet-name', { hasText: value }) })
    .locator('input[type=checkbox]');
}
