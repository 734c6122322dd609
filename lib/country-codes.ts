import countryCodes from './country-codes.json';

const COUNTRY_CODES: ReadonlySet<string> = new Set(countryCodes);

/**
 * Tells whether `code` is an ISO 3166-1 alpha-2 code, in capitals. The list is i18n-iso-countries'
 * list, copied by scripts/generate-data.ts so that bundles need not include the package.
 */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}
