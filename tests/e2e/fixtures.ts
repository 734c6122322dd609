/// <reference types="chrome" />
import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  configureExtension,
  extensionWorker,
  launchWithExtension,
  SAMPLE_ADDRESSES,
  serveSamplesAtRealHosts,
  tabIdOf,
} from '../../scripts/chromium';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server';

export const SANDBOX_KEY = 'nerds_test_e2e0123456789abcdefghijklmnop';

/** Stores the key and points the extension at the sandbox. */
export function configureForSandbox(worker: Worker, sandbox: Sandbox, apiKey = sandbox.apiKey) {
  return configureExtension(worker, { apiKey, baseUrl: sandbox.apiBaseUrl });
}

export { SAMPLE_ADDRESSES, tabIdOf };

interface Fixtures {
  sandbox: Sandbox;
  language: string;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
}

export const test = base.extend<Fixtures>({
  language: ['en-US', { option: true }],

  sandbox: async ({}, use) => {
    const sandbox = await startSandbox({ port: 0, apiKey: SANDBOX_KEY, log: () => {} });
    await use(sandbox);
    await sandbox.close();
  },

  context: async ({ language, sandbox }, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'thalamus-e2e-'));
    const context = await launchWithExtension({ userDataDir, language });
    await serveSamplesAtRealHosts(context, sandbox.url);
    await use(context);
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  },

  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },

  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
});

export const expect = test.expect;

/** Page object for the review popup, opened in a tab for the page with the given tab id. */
export class PopupPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string, tabId: number) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    return new PopupPage(page);
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  async send() {
    await this.page.getByRole('button', { name: /^(Send to Thalamus|Naar Thalamus sturen)$/ }).click();
  }

  notices() {
    return this.page.locator('.notice');
  }
}

/** Opens the Gmail sample in a tab and the review popup for it, with the capture filled in. */
export function openPopupOnGmail(context: BrowserContext, worker: Worker, extensionId: string) {
  return openPopupOnGmailIn(context, worker, extensionId, 'Email');
}

/** Does what `openPopupOnGmail` does, for a UI language whose email field has another label. */
export async function openPopupOnGmailIn(context: BrowserContext, worker: Worker, extensionId: string, emailLabel: string) {
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);
  const popup = await PopupPage.open(context, extensionId, await tabIdOf(worker, mail.url()));
  await expect(popup.field(emailLabel)).toHaveValue(GMAIL_SENDER_EMAIL);
  return popup;
}

/** The sender of the latest message on the Gmail sample page. */
export const GMAIL_SENDER_EMAIL = 'lotte.vandenberg@kanaalzicht-architecten.example';

/** Changes stored settings in the extension, keeping the others. */
export async function changeSettings(worker: Worker, changes: Record<string, unknown>) {
  await worker.evaluate(async (changes) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), ...changes } });
  }, changes);
}

/** Reads the outbox as the extension stores it. */
export async function readOutbox(worker: Worker) {
  return worker.evaluate(async () => {
    const { outbox } = await chrome.storage.local.get('outbox');
    return (outbox ?? []) as Array<{ state: string; contact: { externalId: string }; lastError?: { kind: string } }>;
  });
}

/**
 * Fires the extension's real context-menu listener for a tab, as a click on "Send to Thalamus"
 * would. Chromium offers no way to open a context menu from a test, so this uses the event's
 * undocumented `dispatch`.
 */
export async function clickContextMenu(worker: Worker, tabId: number, info: Partial<chrome.contextMenus.OnClickData> = {}) {
  await worker.evaluate(
    async ({ tabId, info }) => {
      const tab = await chrome.tabs.get(tabId);
      const onClicked = chrome.contextMenus.onClicked as unknown as {
        dispatch: (info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab) => void;
      };
      onClicked.dispatch({ menuItemId: 'send-to-thalamus', editable: false, pageUrl: tab.url!, ...info }, tab);
    },
    { tabId, info },
  );
}

/**
 * Waits until the worker stored a draft for the page, as the context menu and the shortcut do
 * before they open the review. A popup opened earlier would capture the page by itself.
 */
export async function waitForDraft(worker: Worker, pageUrl: string) {
  await expect
    .poll(() =>
      worker.evaluate(async (pageUrl) => {
        const { drafts } = await chrome.storage.local.get('drafts');
        return Boolean((drafts as Record<string, unknown> | undefined)?.[pageUrl]);
      }, pageUrl),
    )
    .toBe(true);
}
