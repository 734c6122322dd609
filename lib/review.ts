import { browser } from 'wxt/browser';
import type { Capture } from './capture';
import { captureTab, type CaptureFailure } from './capture-tab';
import { commentLabels } from './comment-labels';
import { createDraft, loadDraft, saveDraft, type Draft } from './draft';
import { loadSettings, type Settings } from './settings';

export type ReviewStart =
  | { kind: 'no-tab' }
  | {
      kind: 'draft';
      draft: Draft;
      settings: Settings;
      /** Whether the draft was an unsent one kept from earlier. */
      restored: boolean;
      captureFailure?: CaptureFailure;
    };

/**
 * Finds the page to review and its draft: the stored draft for the page when there is one,
 * otherwise a fresh capture. `tabId` is given when the popup runs in a window of its own, where
 * the active tab is the popup itself.
 */
export async function startReview(tabId: number | undefined): Promise<ReviewStart> {
  const tab = await findTab(tabId);
  if (tab?.id === undefined || !tab.url) return { kind: 'no-tab' };

  const settings = await loadSettings();
  const stored = await loadDraft(tab.url);
  if (stored?.unreadSelection) return readSelection(stored, stored.unreadSelection, settings);
  if (stored) return { kind: 'draft', draft: stored, settings, restored: true };

  return captureNewDraft(tab.id, tab.url, tab.title, settings);
}

/** Reads the page again and replaces its draft. */
export async function recapture(tabId: number | undefined): Promise<ReviewStart> {
  const tab = await findTab(tabId);
  if (tab?.id === undefined || !tab.url) return { kind: 'no-tab' };
  return captureNewDraft(tab.id, tab.url, tab.title, await loadSettings());
}

async function captureNewDraft(
  tabId: number,
  url: string,
  title: string | undefined,
  settings: Settings,
): Promise<ReviewStart> {
  const outcome = await captureTab(tabId, { defaultCountry: settings.defaultCountry });
  const capture: Capture = outcome.ok
    ? { ...outcome.capture, url, title: title ?? outcome.capture.title }
    : { url, title, fields: {} };
  const draft = await createDraft(capture, settings, commentLabels());
  await saveDraft(draft);
  return {
    kind: 'draft',
    draft,
    settings,
    restored: false,
    captureFailure: outcome.ok ? undefined : outcome.reason,
  };
}

/**
 * Extracts the contact from a selection the worker could not read and replaces the draft. The
 * popup loads the extractor only here, not on every opening.
 */
async function readSelection(stored: Draft, selection: string, settings: Settings): Promise<ReviewStart> {
  const { extractFromText } = await import('./extract');
  const capture = extractFromText(selection, stored.pageUrl, { fallbackCountry: settings.defaultCountry });
  const draft = await createDraft({ ...capture, url: stored.pageUrl, title: stored.pageTitle }, settings, commentLabels());
  await saveDraft(draft);
  return { kind: 'draft', draft, settings, restored: false };
}

async function findTab(tabId: number | undefined) {
  if (tabId !== undefined) {
    try {
      return await browser.tabs.get(tabId);
    } catch {
      return undefined;
    }
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}

/** Reads `?tabId=` from the popup's own URL. */
export function tabIdFromLocation(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
