import { browser } from 'wxt/browser';
import { captureSchema, type Capture } from './capture';
import { CAPTURE_REQUEST_GLOBAL } from './capture-request';

/** Path of the unlisted capture script in the build (`entrypoints/capture.ts`). */
const CAPTURE_SCRIPT = '/capture.js';

export type CaptureFailure = 'page-not-readable' | 'capture-invalid';

export type CaptureOutcome = { ok: true; capture: Capture } | { ok: false; reason: CaptureFailure; detail: string };

export interface CaptureRequest {
  /** A right-clicked link: a `mailto:` link is read instead of the page. */
  linkUrl?: string;
  /**
   * The frame the context menu was used in, for a selection inside a frame (some webmail
   * shows messages in one). Only that frame is read, so another frame, such as an ad that
   * selects its own text by script, cannot put its contact in the draft. Default: the top frame.
   */
  frameId?: number;
  /** The user's default country for national phone numbers, after any country the page suggests; empty for none. */
  defaultCountry?: string;
}

/**
 * Injects the capture script into one frame of the tab and returns what it extracted. Runs
 * only after a user action: the toolbar button, the context menu or a shortcut, which is what
 * grants `activeTab` for this tab.
 */
export async function captureTab(tabId: number, request: CaptureRequest = {}): Promise<CaptureOutcome> {
  const target = request.frameId === undefined ? { tabId } : { tabId, frameIds: [request.frameId] };
  let results: Array<{ result?: unknown }>;
  try {
    if (request.linkUrl || request.defaultCountry) {
      await browser.scripting.executeScript({
        target,
        func: (name: string, linkUrl: string, defaultCountry: string) => {
          (globalThis as Record<string, unknown>)[name] = { linkUrl, defaultCountry };
        },
        args: [CAPTURE_REQUEST_GLOBAL, request.linkUrl ?? '', request.defaultCountry ?? ''],
      });
    }
    results = await browser.scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
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
