/// <reference types="chrome" />
import type { BrowserContext, Worker } from '@playwright/test';

/**
 * Fills the extension's outbox with `count` distinct fictional contacts that are due now, as if
 * they had been queued during an outage. Used by the drain test and the benchmark.
 */
export async function fillOutbox(worker: Worker, count: number): Promise<string[]> {
  return worker.evaluate(async (count) => {
    const now = Date.now();
    const items = Array.from({ length: count }, (_, index) => ({
      id: `load-${index}`,
      contact: {
        externalId: `C-load-${String(index).padStart(5, '0')}`,
        body: { name: `Test Contact ${index}`, email: `contact${index}@load-test.example` },
      },
      origin: 'background',
      createdAt: now + index,
      attempts: 0,
      nextAttemptAt: now,
      state: 'pending',
    }));
    await chrome.storage.local.set({ outbox: items });
    return items.map((item) => item.contact.externalId);
  }, count);
}

/** Makes the worker drain the outbox, through the same message the popup's "Retry now" sends. */
export async function startDrain(context: BrowserContext, worker: Worker, itemId: string) {
  // The worker handles messages from extension pages only, so the request is sent from one.
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.evaluate((id: string) => chrome.runtime.sendMessage({ type: 'outbox-retry', id }), itemId);
  await page.close();
}
