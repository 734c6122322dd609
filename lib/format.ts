import { browser } from 'wxt/browser';

/** Formats a time as date and time in the browser's language, e.g. "4 dec 2026 21:05". */
export function formatDateTime(time: number): string {
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** Formats a time of day in the browser's language, with the date only when it is not today. */
export function formatTimeOfDay(time: number, now = Date.now()): string {
  const sameDay = new Date(time).toDateString() === new Date(now).toDateString();
  return sameDay
    ? new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { timeStyle: 'short' }).format(time)
    : formatDateTime(time);
}

/** Plural rules of the browser's language, to choose between the "one" and "other" messages. */
export function pluralRules(): Intl.PluralRules {
  return new Intl.PluralRules(browser.i18n.getUILanguage());
}

/** Formats a count with the browser's language's digit grouping, e.g. "1.000" in Dutch. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(browser.i18n.getUILanguage()).format(count);
}
