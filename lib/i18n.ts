import { browser } from 'wxt/browser';

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/**
 * Returns the message for the browser's language from `_locales`. A missing key shows as the
 * key itself, so a gap is visible rather than blank.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
