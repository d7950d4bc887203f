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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // Dutch (Belgian) browser UI, as the page's users have: date fields read dd/mm/jjjj where
      // Chromium's Dutch locale is installed (Debian: chromium-l10n), else en-US's mm/dd/yyyy.
      '--lang=nl-BE',
    ],
  });
}
