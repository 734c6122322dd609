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
