/// <reference types="chrome" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { configureForSandbox, expect, tabIdOf, test } from './fixtures';

const PRODUCTION_MANIFEST = resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json');

base('production manifest asks only for the Thalamus origin', () => {
  const manifest = JSON.parse(readFileSync(PRODUCTION_MANIFEST, 'utf8'));

  expect(manifest.manifest_version).toBe(3);
  expect(manifest.host_permissions).toEqual(['https://thalamus.nerds.nl/*']);
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage']);
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  expect(JSON.stringify(manifest.content_security_policy ?? {})).not.toContain('unsafe-eval');
});

test('injected script cannot read the stored API key', async ({ context, worker, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/company.html`);
  const tabId = await tabIdOf(worker, page.url());

  const [injection] = await worker.evaluate(
    (tabId) =>
      chrome.scripting.executeScript({
        target: { tabId },
        func: async () => {
          try {
            const stored = await chrome.storage.local.get(null);
            return JSON.stringify(stored);
          } catch (error) {
            return `blocked: ${String(error)}`;
          }
        },
      }),
    tabId,
  );

  expect(String(injection?.result)).not.toContain(sandbox.apiKey);
});

test('page content never sees the key or the extension', async ({ context, worker, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/gmail.html`);

  const html = await page.content();
  const hasExtensionGlobal = await page.evaluate(() => typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage);

  expect(html).not.toContain(sandbox.apiKey);
  expect(hasExtensionGlobal).toBe('undefined');
});
