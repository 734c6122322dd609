/** First retry after about this long; each further attempt doubles it. */
export const BASE_RETRY_DELAY_MS = 5_000;
/** No retry waits longer than this. */
export const MAX_RETRY_DELAY_MS = 30 * 60_000;
/**
 * Attempts after which a contact that keeps failing for a passing reason is reported as
 * failed. With the delays above that is about two hours; the contact stays in the outbox.
 */
export const MAX_ATTEMPTS = 12;

/**
 * Returns the wait before the next attempt: exponential backoff with "equal jitter" (half fixed,
 * half random) so that many queued contacts do not retry in lockstep, or the server's
 * `Retry-After` plus up to a second of jitter when it sent one.
 */
export function retryDelayMs(attempts: number, retryAfterSeconds: number | undefined, random: () => number): number {
  if (retryAfterSeconds !== undefined) return retryAfterSeconds * 1000 + Math.floor(random() * 1000);

  const exponential = Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.floor(exponential / 2 + (random() * exponential) / 2);
}
