import { CAPTURE_REQUEST_GLOBAL } from '@/lib/capture-request';
import { extractFromDocument, extractFromMailtoUrl } from '@/lib/extract';

/**
 * Injected on demand into the page the user acted on; never listed as a content script. It
 * reads the live document in the extension's isolated world and returns the capture to
 * `scripting.executeScript`. It has no access to the API key and sends no messages.
 */
export default defineUnlistedScript(() => {
  const linkUrl = takeRequestedLink();
  if (linkUrl?.toLowerCase().startsWith('mailto:')) return extractFromMailtoUrl(linkUrl);

  const selection = window.getSelection()?.toString() ?? '';
  return extractFromDocument(document, location.href, { selection });
});

/** Reads and clears the link the worker asked about, so a later capture reads the page again. */
function takeRequestedLink(): string | undefined {
  const scope = globalThis as Record<string, unknown>;
  const request = scope[CAPTURE_REQUEST_GLOBAL];
  delete scope[CAPTURE_REQUEST_GLOBAL];
  if (typeof request !== 'object' || request === null) return undefined;
  const linkUrl = (request as { linkUrl?: unknown }).linkUrl;
  return typeof linkUrl === 'string' ? linkUrl : undefined;
}
