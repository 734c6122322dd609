import { browser } from 'wxt/browser';
import { captureSchema, type Capture } from './capture';

/** Path of the unlisted capture script in the build (`entrypoints/capture.ts`). */
const CAPTURE_SCRIPT = '/capture.js';

export type CaptureFailure = 'page-not-readable' | 'capture-invalid';

export type CaptureOutcome = { ok: true; capture: Capture } | { ok: false; reason: CaptureFailure; detail: string };

/**
 * Injects the capture script into the tab's top frame and returns what it extracted. Runs only
 * after a user action: the toolbar button, the context menu or a shortcut, which is what grants
 * `activeTab` for this tab.
 */
export async function captureTab(tabId: number): Promise<CaptureOutcome> {
  let results: Array<{ result?: unknown }>;
  try {
    results = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
  } catch (error) {
    // Browser pages, the web store, PDF viewers and pages without the activeTab grant land here.
    return { ok: false, reason: 'page-not-readable', detail: errorText(error) };
  }

  // The capture result is data from a page the extension does not control: check it like any
  // other input before it reaches the popup.
  const parsed = captureSchema.safeParse(results[0]?.result);
  if (!parsed.success) return { ok: false, reason: 'capture-invalid', detail: parsed.error.message };
  return { ok: true, capture: parsed.data };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
