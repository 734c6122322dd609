import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { resolve } from 'node:path';

/** Output folder of `wxt build -b firefox`. */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../.output/firefox-mv3');

/** Debian's Firefox ESR. Set FIREFOX_PATH where Firefox is installed elsewhere. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The manifest's `browser_specific_settings.gecko.id`. */
export const ADDON_ID = 'send-to-thalamus@nerds.nl';

/**
 * Host of the add-on's moz-extension:// pages. Firefox picks a random one per profile unless the
 * `extensions.webextensions.uuids` pref sets it, and a fixed one lets tests build page URLs.
 */
export const EXTENSION_UUID = '6c0ad2a1-52c5-4c1e-9a55-3f3a0a8b7e11';

export function extensionPageUrl(path: string): string {
  return `moz-extension://${EXTENSION_UUID}/${path}`;
}

/**
 * Launches headless Firefox, driven over WebDriver BiDi without geckodriver, and installs the
 * unpacked build as a temporary add-on. Puppeteer's profile points Firefox's own update,
 * telemetry and blocklist requests at an unresolvable host.
 */
export async function launchFirefoxWithExtension(extensionDir = FIREFOX_BUILD_DIR): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return browser;
}

/**
 * Opens one of the extension's pages in a new tab and waits until its document has loaded.
 * With Firefox 153 and puppeteer-core 24, `page.goto` to a moz-extension:// URL times out although
 * the page loads, and `page.url()` stays about:blank, so this polls the document instead.
 */
export async function openExtensionPage(browser: Browser, path: string, timeoutMs = 15_000): Promise<Page> {
  const page = await browser.newPage();
  const url = extensionPageUrl(path);
  page.goto(url).catch(() => {
    // The rejection is expected (a timeout, or browser.close() cutting it off). The polling below
    // decides whether the page loaded.
  });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // An evaluation fails when it lands while the old document is replaced, so it is retried.
    const loaded = await page
      .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
      .catch(() => false);
    if (loaded) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not finish loading in Firefox within ${timeoutMs} ms.`);
}
