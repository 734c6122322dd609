/// <reference types="chrome" />
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test as base, type Request } from '@playwright/test';
import { changeSettings, configureForSandbox, expect, openPopupOnGmail, SAMPLE_ADDRESSES, tabIdOf, test } from './fixtures';

const PRODUCTION_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const TEST_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3-test');
const PRODUCTION_MANIFEST = join(PRODUCTION_BUILD, 'manifest.json');

/** A key prefix followed by a key character: real, test and sandbox keys all look like this. */
const API_KEY_PATTERN = /nerds_(?:live|test|sandbox)_[A-Za-z0-9]/g;

/** Lists every file under a build folder, with paths relative to it. */
function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

base('production manifest asks only for the Thalamus origin', () => {
  const manifest = JSON.parse(readFileSync(PRODUCTION_MANIFEST, 'utf8'));

  expect(manifest.manifest_version).toBe(3);
  expect(manifest.host_permissions).toEqual(['https://thalamus.nerds.nl/*']);
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage']);
  expect(manifest.content_scripts).toBeUndefined();
  expect(manifest.externally_connectable).toBeUndefined();
  // An entrypoint named "history" would silently replace the browser's own History page.
  expect(manifest.chrome_url_overrides).toBeUndefined();
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

for (const folder of [PRODUCTION_BUILD, TEST_BUILD]) {
  base(`${relative(resolve(import.meta.dirname, '../..'), folder)} bundles no API key`, () => {
    const files = listFiles(folder);
    const found = files.flatMap((file) => {
      const text = readFileSync(join(folder, file), 'latin1');
      return [...text.matchAll(API_KEY_PATTERN)].map((match) => `${file}: ${text.slice(match.index, match.index + 24)}`);
    });

    expect(files.length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });
}

base('production build runs no string code', () => {
  const files = listFiles(PRODUCTION_BUILD);
  const scripts = files.filter((file) => file.endsWith('.js'));
  const pages = files.filter((file) => file.endsWith('.html'));
  // A reference to `eval` or `Function` as a value also catches `(0, eval)(code)` and
  // `const F = Function; new F(code)`, which is how zod 4 compiles schemas when its JIT is in the
  // bundle. An `eval:` object key (the polyfill's devtools metadata) is not a call.
  const stringCode: Array<[string, RegExp]> = [
    ['eval', /(?<![\w$])eval(?![\w$]|\s*:)/g],
    ['new Function', /new\s+Function\s*\(/g],
    ['Function with a string', /(?<![.\w$])Function\s*\(\s*["'`]/g],
    ['Function as a value', /(?<![.\w$])Function(?![.\w$])/g],
    ['setTimeout with a string', /set(?:Timeout|Interval)\s*\(\s*["'`]/g],
  ];

  const found = scripts.flatMap((file) => {
    const text = readFileSync(join(PRODUCTION_BUILD, file), 'utf8');
    return stringCode.flatMap(([name, pattern]) =>
      [...text.matchAll(pattern)].map((match) => `${file}: ${name}: ${text.slice(Math.max(0, match.index - 40), match.index + 40)}`),
    );
  });
  const remotePageScripts = pages.flatMap((file) => {
    const html = readFileSync(join(PRODUCTION_BUILD, file), 'utf8');
    return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi)].map((match) => `${file}: ${match[0]}`);
  });
  const manifest = JSON.parse(readFileSync(PRODUCTION_MANIFEST, 'utf8'));
  const policy = JSON.stringify(manifest.content_security_policy ?? {});

  expect(scripts.length).toBeGreaterThan(0);
  expect(pages.length).toBeGreaterThan(0);
  expect(found).toEqual([]);
  expect(remotePageScripts).toEqual([]);
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toMatch(/https?:/);
});

test('capture and send never log the key', async ({ context, worker, extensionId, sandbox }) => {
  const lines: string[] = [];
  worker.on('console', (message) => lines.push(`worker: ${message.text()}`));
  context.on('page', (page) => page.on('console', (message) => lines.push(`${page.url()}: ${message.text()}`)));
  for (const page of context.pages()) page.on('console', (message) => lines.push(`${page.url()}: ${message.text()}`));
  await configureForSandbox(worker, sandbox);
  // The part after the prefix is the secret. A log that drops the prefix still leaks it.
  const secret = sandbox.apiKey.replace(/^nerds_[a-z]+_/, '');

  const popup = await openPopupOnGmail(context, worker, extensionId);
  await popup.send();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Created in Thalamus' })).toBeVisible();

  expect(sandbox.requests().length).toBeGreaterThan(0);
  expect(lines.filter((line) => line.includes(sandbox.apiKey))).toEqual([]);
  expect(lines.filter((line) => line.includes(secret))).toEqual([]);
});

test('capture and send contact only expected origins', async ({ context, worker, extensionId, sandbox }) => {
  const requests: Request[] = [];
  context.on('request', (request) => requests.push(request));
  await configureForSandbox(worker, sandbox);
  const allowedOrigins = [sandbox.url, new URL(SAMPLE_ADDRESSES.gmail).origin];

  const popup = await openPopupOnGmail(context, worker, extensionId);
  await popup.send();
  await expect(popup.page.getByRole('status').filter({ hasText: 'Created in Thalamus' })).toBeVisible();

  const elsewhere = requests
    .map((request) => new URL(request.url()))
    .filter((url) => url.protocol !== 'chrome-extension:' && !allowedOrigins.includes(url.origin))
    .map((url) => url.href);
  const withAuthorization: string[] = [];
  for (const request of requests) {
    if ((await request.allHeaders()).authorization !== undefined) withAuthorization.push(request.url());
  }
  const apiRequests = sandbox.requests();

  expect(requests.length).toBeGreaterThan(0);
  expect(elsewhere).toEqual([]);
  // The sample's sender has an organization, so the organization and then the contact are sent.
  expect(apiRequests.map((request) => request.resource)).toEqual(['organization', 'contact']);
  expect(withAuthorization).toEqual(apiRequests.map((request) => `${sandbox.url}${request.path}`));
  for (const url of withAuthorization) expect(url.startsWith(`${sandbox.apiBaseUrl}/`)).toBe(true);
});

test('http base URL is rejected before sending', async ({ context, worker, extensionId, sandbox }) => {
  const insecureHost = 'thalamus.example.com';
  const attempted: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).hostname === insecureHost) attempted.push(request.url());
  });
  // Nothing may reach that host even if the extension tried, so the route stops every request.
  await context.route(`*://${insecureHost}/**`, (route) => {
    attempted.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await configureForSandbox(worker, sandbox);
  await changeSettings(worker, { baseUrl: `http://${insecureHost}/api/v1` });

  const popup = await openPopupOnGmail(context, worker, extensionId);
  await popup.send();

  // Soft, so that a request to the host is reported even when the message is wrong.
  await expect.soft(popup.page.getByRole('alert')).toContainText('The base URL in the options is invalid');
  expect(attempted).toEqual([]);
  expect(sandbox.requests()).toEqual([]);
});
