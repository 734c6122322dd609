/// <reference types="chrome" />
import type { BrowserContext, Worker } from '@playwright/test';
import { tabIdOf } from '../chromium';

export interface PopupSamples {
  /** From navigation start of the popup page until its Email input receives the captured value. */
  filledMs: number[];
  /** Email the popup showed in the last run. */
  email: string;
}

// Runs in the popup before its own scripts. Preact sets an input's value through the
// `HTMLInputElement.prototype.value` setter, so wrapping it marks the moment the captured
// email reaches the form, on the popup's own clock (0 is navigation start).
function recordEmailFilled() {
  const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  Object.defineProperty(HTMLInputElement.prototype, 'value', {
    ...descriptor,
    set(this: HTMLInputElement, value: string) {
      descriptor.set!.call(this, value);
      const marks = globalThis as { __emailFilledAt?: number };
      if (this.type === 'email' && value && marks.__emailFilledAt === undefined) marks.__emailFilledAt = performance.now();
    },
  });
}

/**
 * Times opening the review popup on a tab whose page has not been captured yet: the popup
 * injects the capture script, builds the draft, stores it and renders the form. Drafts are
 * stored per page URL, so they are deleted before each run; otherwise the popup would show the
 * stored draft without capturing. The popup is opened as a tab at `popup.html?tabId=N`, as the
 * end-to-end tests do, because Playwright cannot reach the toolbar popup.
 */
export async function measurePopupOpen(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  pageUrl: string,
  runs: number,
): Promise<PopupSamples> {
  const page = await context.newPage();
  await page.goto(pageUrl);
  const tabId = await tabIdOf(worker, page.url());
  const samples: PopupSamples = { filledMs: [], email: '' };

  for (let run = 0; run < runs; run++) {
    await worker.evaluate(() => chrome.storage.local.remove('drafts'));
    const popup = await context.newPage();
    await popup.addInitScript(recordEmailFilled);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
    await popup.waitForFunction(() => (globalThis as { __emailFilledAt?: number }).__emailFilledAt !== undefined, undefined, {
      timeout: 10_000,
    });
    samples.filledMs.push(await popup.evaluate(() => (globalThis as { __emailFilledAt?: number }).__emailFilledAt!));
    samples.email = await popup.locator('input[type=email]').inputValue();
    await popup.close();
  }
  await page.close();
  return samples;
}
