import { isCountryCode } from './country-codes';
import { parsePhoneNumber, type CountryCode } from './phone-number';

/** Returns the number in E.164, or `undefined` when it is not a valid phone number. */
export function normalisePhone(input: string, defaultCountry: string): string | undefined {
  // "+31 (0)20 ..." carries a trunk prefix that must go once a country code is present.
  const cleaned = input.replace(/\(0\)/g, '');
  const country = isCountryCode(defaultCountry) ? (defaultCountry as CountryCode) : undefined;
  const parsed = parsePhoneNumber(cleaned, country);
  return parsed?.isValid() ? parsed.number : undefined;
}
