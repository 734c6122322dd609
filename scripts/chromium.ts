/// <reference types="chrome" />
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Output folder of `wxt build --mode test`: the production manifest plus loopback host access. */
export const TEST_BUILD_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3-test');

/** Debian's Chromium; set CHROMIUM_PATH where it lives elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  userDataDir: string;
  extensionDir?: string;
  headless?: boolean;
  /** Browser UI language, which decides the extension's locale. */
  language?: string;
}

/** Launches Chromium with the unpacked extension loaded. */
export function launchWithExtension(options: LaunchOptions): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get install -y chromium chromium-l10n) or set CHROMIUM_PATH to its executable.`,
    );
  }
  const extensionDir = options.extensionDir ?? TEST_BUILD_DIR;
  const language = options.language ?? 'en-US';
  return chromium.launchPersistentContext(options.userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    locale: language,
    // Chromium on Linux takes its UI language, and so the extension's locale, from these
    // variables; the --lang flag alone does not change it there.
    env: { ...process.env, LANGUAGE: language.replace('-', '_'), LANG: `${language.replace('-', '_')}.UTF-8` },
    viewport: null,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${language}`,
      // Running as root (as on CI) requires it.
      '--no-sandbox',
      '--disable-gpu',
      // This machine has no internet; these stop Chromium's own background requests.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Returns the extension's service worker, waiting for it to register. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Stores the API key and base URL in the extension, as a user would on the options page. */
export async function configureExtension(worker: Worker, settings: { apiKey: string; baseUrl: string }) {
  await worker.evaluate(async ({ apiKey, baseUrl }) => {
    await chrome.storage.local.set({ apiKey, settings: { baseUrl } });
  }, settings);
}

/** Returns the id of the tab showing `url`. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  const id = await worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === url)?.id;
  }, url);
  if (id === undefined) throw new Error(`No tab is open at ${url}`);
  return id;
}

/** Addresses at which tests and `npm start` serve each sandbox sample page. */
export const SAMPLE_ADDRESSES = {
  gmail: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqHrGtKzWbJdsLpXqTvNnMwRk',
  outlook: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjQ2LTQ2',
  linkedin: 'https://www.linkedin.com/in/lotte-van-den-berg-3b81a2150/',
} as const;

const SAMPLE_ROUTES: Array<[pattern: string, sample: string]> = [
  ['https://mail.google.com/**', 'gmail.html'],
  ['https://outlook.office.com/**', 'outlook.html'],
  ['https://www.linkedin.com/**', 'linkedin.html'],
];

/**
 * Serves the sandbox's sample pages at the real Gmail, Outlook and LinkedIn addresses inside
 * this browser context, so that the extractors detect the site by its host as in production.
 * Nothing is requested from those hosts.
 */
export async function serveSamplesAtRealHosts(context: BrowserContext, sandboxUrl: string) {
  for (const [pattern, sample] of SAMPLE_ROUTES) {
    const response = await fetch(`${sandboxUrl}/samples/${sample}`);
    const body = await response.text();
    await context.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
  }
}
