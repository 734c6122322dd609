/// <reference types="chrome" />
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { measureBundles, type BundleName } from '../../scripts/bench/sizes';
import { expect, tabIdOf, test } from './fixtures';

const PRODUCTION_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');

// TODO: the capture script is over its 30 kB gzip budget, and each way to meet it needs a
// decision on what to give up (BENCHMARKS.md, "Still over budget"). Until then, this limit
// keeps it from growing further.
const INTERIM_LIMITS: Partial<Record<BundleName, number>> = {
  capture: 57_000,
};

for (const bundle of measureBundles(PRODUCTION_BUILD)) {
  if (bundle.budgetBytes === undefined) continue;
  const limit = INTERIM_LIMITS[bundle.name] ?? bundle.budgetBytes;

  base(`${bundle.name} bundle stays within ${limit / 1000} kB gzip`, () => {
    expect(bundle.gzipBytes, `${bundle.files.join(', ')} in ${PRODUCTION_BUILD}`).toBeLessThanOrEqual(limit);
  });
}

base('interim limits stay above the budgets', () => {
  for (const bundle of measureBundles(PRODUCTION_BUILD)) {
    const interim = INTERIM_LIMITS[bundle.name];
    if (interim === undefined || bundle.budgetBytes === undefined) continue;
    // Once a bundle meets its budget, its interim limit is to go.
    expect(bundle.gzipBytes, `${bundle.name} now meets its budget; remove its interim limit`).toBeGreaterThan(bundle.budgetBytes);
  }
});

test('untouched page has no extension code', async ({ context, worker, sandbox }) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const contextOrigins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => contextOrigins.push(created.origin));
  await cdp.send('Runtime.enable');

  await page.goto(`${sandbox.url}/samples/gmail.html`);
  await page.waitForLoadState('load');
  const registered = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;

  expect(registered).toEqual([]);
  expect(contextOrigins.length).toBeGreaterThan(0);
  expect(contextOrigins).not.toContain(extensionOrigin);

  // The same check detects the capture script once the extension injects it, so it can fail.
  const tabId = await tabIdOf(worker, page.url());
  await worker.evaluate((tabId) => chrome.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] }), tabId);
  await expect.poll(() => contextOrigins).toContain(extensionOrigin);
});
