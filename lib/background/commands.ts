import { browser, type Browser } from 'wxt/browser';
import { captureTab } from '../capture-tab';
import type { Outbox } from '../outbox/outbox';
import { loadSettings } from '../settings';
import { CAPTURE_SELECTION_COMMAND } from '../shortcuts';
import { openReview, reviewOrSendCapture } from './context-menu';

/**
 * Handles `commands.onCommand`. For `capture-selection` it captures the tab the shortcut was
 * pressed on (the selected text when there is one, otherwise the whole page), stores the draft
 * and opens the review, or sends the contact when review is turned off, as the context menu
 * does. The shortcut grants `activeTab` for that tab.
 */
export async function handleCommand(
  command: string,
  tab: Browser.tabs.Tab | undefined,
  outbox: Outbox,
  log: (line: string) => void = console.warn,
): Promise<void> {
  if (command !== CAPTURE_SELECTION_COMMAND) {
    log(`Ignoring unknown command "${command}".`);
    return;
  }

  const target = tab?.id !== undefined ? tab : await findActiveTab();
  if (target?.id === undefined || !target.url) {
    log(`The ${command} shortcut found no active tab with a URL, so nothing was captured.`);
    return;
  }

  const { defaultCountry } = await loadSettings();
  const outcome = await captureTab(target.id, { defaultCountry });
  if (!outcome.ok) {
    // The stored draft stays as it is. The review then restores the page's unsent draft, or
    // captures again and shows the user why the page cannot be read.
    log(`Capturing tab ${target.id} failed (${outcome.reason}): ${outcome.detail}`);
    await openReview(target.id, log);
    return;
  }
  await reviewOrSendCapture({ id: target.id, url: target.url, title: target.title }, outcome.capture, outbox, log);
}

async function findActiveTab(): Promise<Browser.tabs.Tab | undefined> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}
