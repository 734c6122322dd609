import { extractFromDocument } from '@/lib/extract';

/**
 * Injected on demand into the page the user acted on; never listed as a content script. It
 * reads the live document in the extension's isolated world and returns the capture to
 * `scripting.executeScript`. It has no access to the API key and sends no messages.
 */
export default defineUnlistedScript(() => {
  const selection = window.getSelection()?.toString() ?? '';
  return extractFromDocument(document, location.href, { selection });
});
