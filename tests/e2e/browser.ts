// A real headless Chromium (Debian's package) driven by playwright-core; each launch gets a fresh
// temporary profile.
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // Dutch (Belgian) browser UI, as the page's users have: date fields read dd/mm/jjjj.
      '--lang=nl-BE',
    ],
  });
}
