import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import { browser } from 'wxt/browser';

countries.registerLocale(en);
countries.registerLocale(nl);

/** A datalist of ISO 3166-1 alpha-2 codes labelled with country names in the browser's language. */
export function CountryList({ id }: { id: string }) {
  const language = browser.i18n.getUILanguage().startsWith('nl') ? 'nl' : 'en';
  const names = countries.getNames(language, { select: 'official' });
  const entries = Object.entries(names).sort(([, a], [, b]) => a.localeCompare(b, language));
  return (
    <datalist id={id}>
      {entries.map(([code, name]) => (
        <option value={code} label={name} />
      ))}
    </datalist>
  );
}
