// A real headless Chromium (Debian's package) driven by playwright-core; each launch gets a fresh
// temporary profile.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: install it (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    // A Dutch (Belgian) browser, as the page's users have. On Linux Chromium takes its UI locale
    // from LANGUAGE and ignores --lang; with Dutch installed (Debian: chromium-l10n) date fields
    // read dd-mm-jjjj, without it en-US's mm/dd/yyyy.
    env: { ...process.env, LANGUAGE: 'nl_BE' },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // The languages the page is asked for (navigator.languages, Accept-Language).
      '--accept-lang=nl-BE',
    ],
  });
}
