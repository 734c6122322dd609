import { browser } from 'wxt/browser';
import countryCodes from '@/lib/country-codes.json';

/**
 * A datalist of ISO 3166-1 alpha-2 codes labelled with country names in the browser's language.
 * The names come from the browser's own `Intl.DisplayNames`, so no name list is bundled.
 */
export function CountryList({ id }: { id: string }) {
  const language = browser.i18n.getUILanguage();
  const names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  const entries = countryCodes
    .map((code) => [code, names.of(code) ?? code] as const)
    .sort(([, a], [, b]) => a.localeCompare(b, language));
  return (
    <datalist id={id}>
      {entries.map(([code, name]) => (
        <option value={code} label={name} />
      ))}
    </datalist>
  );
}
