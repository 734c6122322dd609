import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { foldCountryName } from '../../lib/extract/country';

const require = createRequire(import.meta.url);

/** Languages whose country names the extraction engine recognizes. */
export const COUNTRY_NAME_LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;

// Positions in a country's array in libphonenumber-js metadata version 4 (see its
// `es6/metadata.js`): 4 is `formats`, 6 is `national_prefix_formatting_rule`.
const FORMATTING_FIELDS = [4, 6];

/** Contents of each generated file, keyed by its path from the repository root. */
export function generatedData(): Record<string, string> {
  return {
    'lib/phone-metadata.json': json(phoneMetadata()),
    'lib/country-codes.json': json(Object.keys(countries.getAlpha2Codes()).sort()),
    'lib/extract/country-names.json': json(countryNames()),
  };
}

function phoneMetadata() {
  const metadata = structuredClone(require('libphonenumber-js/metadata.min.json')) as {
    version: number;
    countries: Record<string, unknown[]>;
    nonGeographic?: Record<string, unknown[]>;
  };
  if (metadata.version !== 4) {
    throw new Error(`libphonenumber-js metadata has version ${metadata.version}; scripts/data/generate.ts knows version 4 only.`);
  }
  for (const plan of [...Object.values(metadata.countries), ...Object.values(metadata.nonGeographic ?? {})]) {
    for (const field of FORMATTING_FIELDS) if (field < plan.length) plan[field] = null;
  }
  return metadata;
}

/**
 * Maps each code to its names, folded as lib/extract/country.ts folds them. A name that two
 * countries share ("Congo") goes to the one i18n-iso-countries lists last, as when the
 * extraction engine read the package itself.
 */
function countryNames(): Record<string, string[]> {
  const codeByName = new Map<string, string>();
  for (const language of COUNTRY_NAME_LANGUAGES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
    for (const [code, names] of Object.entries(countries.getNames(language, { select: 'all' }))) {
      for (const name of names) codeByName.set(foldCountryName(name), code);
    }
  }
  const namesByCode: Record<string, string[]> = {};
  for (const [name, code] of codeByName) (namesByCode[code] ??= []).push(name);
  return Object.fromEntries(
    Object.keys(namesByCode)
      .sort()
      .map((code) => [code, namesByCode[code]!.sort()]),
  );
}

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
