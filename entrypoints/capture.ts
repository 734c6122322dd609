import { CAPTURE_REQUEST_GLOBAL } from '@/lib/capture-request';
import { extractFromDocument, extractFromMailtoUrl } from '@/lib/extract';

/**
 * Injected on demand into the page the user acted on; never listed as a content script. It
 * reads the live document in the extension's isolated world and returns the capture to
 * `scripting.executeScript`. It has no access to the API key and sends no messages.
 */
export default defineUnlistedScript(() => {
  const { linkUrl, defaultCountry } = takeRequest();
  if (linkUrl?.toLowerCase().startsWith('mailto:')) return extractFromMailtoUrl(linkUrl);

  const selection = window.getSelection()?.toString() ?? '';
  return extractFromDocument(document, location.href, { selection, ...(defaultCountry ? { fallbackCountry: defaultCountry } : {}) });
});

/** Reads and clears what the worker or popup asked for, so a later capture starts afresh. */
function takeRequest(): { linkUrl?: string; defaultCountry?: string } {
  const scope = globalThis as Record<string, unknown>;
  const request = scope[CAPTURE_REQUEST_GLOBAL];
  delete scope[CAPTURE_REQUEST_GLOBAL];
  if (typeof request !== 'object' || request === null) return {};
  const { linkUrl, defaultCountry } = request as { linkUrl?: unknown; defaultCountry?: unknown };
  return {
    ...(typeof linkUrl === 'string' && linkUrl ? { linkUrl } : {}),
    ...(typeof defaultCountry === 'string' && /^[A-Z]{2}$/.test(defaultCountry) ? { defaultCountry } : {}),
  };
}
