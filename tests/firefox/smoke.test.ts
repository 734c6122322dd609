import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD_DIR, FIREFOX_PATH, launchFirefoxWithExtension, openExtensionPage } from '../../scripts/firefox';

const FIREFOX_MISSING = !existsSync(FIREFOX_PATH);
const SKIP_NOTE = `Firefox is not installed at ${FIREFOX_PATH}: install firefox-esr or set FIREFOX_PATH.`;

if (FIREFOX_MISSING) console.warn(`Skipping the Firefox smoke test. ${SKIP_NOTE}`);

describe.skipIf(FIREFOX_MISSING)('Firefox build in Firefox ESR', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox build in ${FIREFOX_BUILD_DIR}. Run \`npm run build:firefox\` first.`);
    }
    browser = await launchFirefoxWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('options page lists both shortcuts', async () => {
    const page = await openExtensionPage(browser, 'options.html');

    await page.waitForSelector('.shortcuts dd');
    const rows = await page.$$eval('.shortcuts > div', (entries) =>
      entries.map((entry) => [entry.querySelector('dt')?.textContent, entry.querySelector('dd')?.textContent]),
    );
    expect(rows).toEqual([
      ['Review the contact on this page', 'Alt+Shift+K'],
      ['Capture the selected text as a contact', 'Alt+Shift+J'],
    ]);
    const help = await page.$eval('#shortcuts-heading ~ .help', (element) => element.textContent);
    expect(help).toContain('about:addons');
  });

  it('options page stores a key through the background', async () => {
    const page = await openExtensionPage(browser, 'options.html');
    await page.waitForFunction(() => document.body.innerText.includes('No key is saved yet.'));

    await page.type('#api-key', 'nerds_live_firefox0smoke0test0key0abcd');
    const [saveButton] = await page.$$('xpath/.//button[normalize-space()="Save key"]');
    await saveButton!.click();

    await page.waitForFunction(() => document.body.innerText.includes('A key ending in …abcd is saved.'));
  });

  it('popup page renders the review form', async () => {
    const page = await openExtensionPage(browser, 'popup.html');

    // The popup runs in a tab of its own here, so the page it tries to read is itself.
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Review contact');
    const labels = await page.$$eval('label', (elements) => elements.map((element) => element.textContent));
    expect(labels).toContain('Email');
  });
});
