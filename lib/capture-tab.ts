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
   * Read every frame and prefer the one with a selection, for a selection made inside a frame
   * (some webmail shows messages in one).
   */
  allFrames?: boolean;
}

/**
 * Injects the capture script into the tab and returns what it extracted. Runs only after a
 * user action: the toolbar button, the context menu or a shortcut, which is what grants
 * `activeTab` for this tab.
 */
export async function captureTab(tabId: number, request: CaptureRequest = {}): Promise<CaptureOutcome> {
  const target = { tabId, allFrames: request.allFrames ?? false };
  let results: Array<{ frameId?: number; result?: unknown }>;
  try {
    if (request.linkUrl) {
      await browser.scripting.executeScript({
        target,
        func: (name: string, linkUrl: string) => {
          (globalThis as Record<string, unknown>)[name] = { linkUrl };
        },
        args: [CAPTURE_REQUEST_GLOBAL, request.linkUrl],
      });
    }
    results = await browser.scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
  } catch (error) {
    // Browser pages, the web store, PDF viewers and pages without the activeTab grant land here.
    return { ok: false, reason: 'page-not-readable', detail: errorText(error) };
  }

  // The capture result is data from a page the extension does not control: check it like any
  // other input before it reaches the popup.
  const captures = results.flatMap((frame) => {
    const parsed = captureSchema.safeParse(frame.result);
    return parsed.success ? [{ frameId: frame.frameId ?? 0, capture: parsed.data }] : [];
  });
  const chosen =
    captures.find(({ capture }) => Object.values(capture.fields).some((field) => field?.provenance.source === 'selection')) ??
    captures.find(({ frameId }) => frameId === 0) ??
    captures[0];
  if (!chosen) {
    const parsed = captureSchema.safeParse(results[0]?.result);
    return { ok: false, reason: 'capture-invalid', detail: parsed.success ? 'no frame returned a capture' : parsed.error.message };
  }
  return { ok: true, capture: chosen.capture };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
