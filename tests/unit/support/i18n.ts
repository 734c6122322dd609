import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function readMessages(language: 'en' | 'nl'): Messages {
  const path = resolve(import.meta.dirname, `../../../public/_locales/${language}/messages.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as Messages;
}

/**
 * Makes `browser.i18n.getMessage` read the real locale files, which `fakeBrowser` does not
 * implement, resolving named placeholders the way Chromium does.
 */
export function useLocale(language: 'en' | 'nl' = 'en') {
  const messages = readMessages(language);
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (key: string, substitutions?: string | string[]) => {
    const entry = messages[key];
    if (!entry) return '';
    const values = substitutions === undefined ? [] : [substitutions].flat();
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_match, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_m, index: string) => values[Number(index) - 1] ?? '');
    });
  };
  i18n.getUILanguage = () => language;
}
