import { parsePhoneNumberFromString, type CountryCode, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from './phone-metadata.json';

export type { CountryCode, PhoneNumber };

/**
 * Parses a written phone number with libphonenumber-js and the extension's own metadata:
 * every country's numbering plan without the formatting rules (see scripts/generate-data.ts).
 * Parsing, `isValid()`, `isPossible()` and `.number` (E.164) work as with the library's "min"
 * metadata; the `format*` methods are not available.
 */
export function parsePhoneNumber(text: string, defaultCountry?: CountryCode): PhoneNumber | undefined {
  return defaultCountry === undefined
    ? parsePhoneNumberFromString(text, metadata as unknown as MetadataJson)
    : parsePhoneNumberFromString(text, defaultCountry, metadata as unknown as MetadataJson);
}
