import { parsePhoneNumber, type CountryCode } from '../phone-number';

/** What a label in front of a number says about it. */
export type PhoneKind = 'personal' | 'mobile' | 'switchboard' | 'fax' | 'unknown';

/**
 * Normalizes a written phone number to E.164, or returns null when it is not a plausible
 * number. `defaultCountry` (ISO alpha-2) is used for numbers without a country code.
 */
export function normalizePhone(raw: string, defaultCountry?: string): string | null {
  let text = raw
    .replace(/^tel:/i, '')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/[‐‑‒–—]/g, '-')
    .trim();
  try {
    text = decodeURIComponent(text);
  } catch {
    // Keep the raw text.
  }
  // "+31 (0)20 ..." and "+49 (0) 69 ...": the trunk zero is not dialled after a country code.
  text = text.replace(/^((?:\+|00)\s*\d{1,3})\s*\(\s*0\s*\)\s*/, '$1 ');
  text = text.replace(/^00(?=[1-9])/, '+');
  // "ext. 12", "x12" and "-20" extensions stay part of the number only in the German style.
  text = text.replace(/\s*(?:ext\.?|extension|toestel|tst\.?|poste|Durchwahl|x)\s*\d+$/i, '');

  const digits = text.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  if (/[a-z]/i.test(text)) return null;

  const country = toCountryCode(defaultCountry);
  const parsed = text.startsWith('+')
    ? parsePhoneNumber(text)
    : country
      ? parsePhoneNumber(text, country)
      : undefined;
  if (!parsed) return null;
  if (parsed.isValid()) return parsed.number;
  // Fictional and newly issued ranges fail the strict check; an international number of a
  // plausible length is still worth offering.
  if (text.startsWith('+') && parsed.isPossible()) return parsed.number;
  return null;
}

/** Returns the ISO alpha-2 country of an E.164 number. */
export function phoneCountry(e164: string): string | undefined {
  const parsed = parsePhoneNumber(e164);
  if (!parsed) return undefined;
  if (parsed.country) return parsed.country;
  // Numbers shared by several countries (+1, +7, +44 ...) without a unique match.
  const byCallingCode: Record<string, string> = { '44': 'GB', '1': 'US', '7': 'RU', '33': 'FR', '31': 'NL', '32': 'BE', '49': 'DE' };
  return byCallingCode[parsed.countryCallingCode];
}

function toCountryCode(country?: string): CountryCode | undefined {
  if (!country || !/^[A-Z]{2}$/.test(country)) return undefined;
  return country as CountryCode;
}

// A run of digits with the separators people write in phone numbers.
const PHONE_CANDIDATE = /(?:\+|\b00)?\(?\d[\d\s().\/‐‑–-]{5,}\d/g;
const DATE_LIKE = /^\d{1,2}[-./]\d{1,2}[-./](?:\d{2}|\d{4})$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
const RANGE_LIKE = /^\d{1,4}\s*[-–]\s*\d{1,4}$/;

/** A phone number found in a text, with the raw form as written. */
export interface PhoneMatch {
  raw: string;
  e164: string;
  index: number;
}

/**
 * Finds phone numbers in a text segment. Dates, numeric ranges, IBANs and registration
 * numbers are skipped because they fail the shape checks below or libphonenumber's validation.
 */
export function findPhones(text: string, defaultCountry?: string): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const raw = match[0].trim().replace(/[\s(.\/-]+$/, '');
    const index = match.index ?? 0;
    const before = text.slice(Math.max(0, index - 12), index);
    if (/[A-Z]{2}\d{2}\s*[A-Z]{4}\s*$/i.test(before) || /\b(?:iban|bic|kvk|btw|vat|siret|siren|hrb|ust|rpr|tva|coc|reg)\b[^\d]*$/i.test(before)) {
      continue;
    }
    const compact = raw.replace(/\s+/g, '');
    if (DATE_LIKE.test(compact) || RANGE_LIKE.test(raw)) continue;
    if (/^\d{4}\.\d{3}\.\d{3}$/.test(compact)) continue; // Belgian company number.
    const e164 = normalizePhone(raw, defaultCountry);
    if (e164) matches.push({ raw, e164, index });
  }
  return matches;
}
