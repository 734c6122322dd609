import { isBelgianLocality } from './belgian-cities';

/** Postcode and city found in one part of an address line. */
export interface Locality {
  zip?: string;
  city?: string;
  /** Country the postcode format proves (NL, GB), a letter prefix such as "D-" names, or a known Belgian city implies. */
  country?: string;
  /** Countries whose postcodes have this format, when the format alone does not decide. */
  possibleCountries?: string[];
}

const CITY = String.raw`(\p{Lu}[\p{L}\p{M}'’. -]*?|'s-\p{Lu}[\p{L}\p{M}'’. -]*?)`;
const NL_POSTCODE = new RegExp(String.raw`^(?:NL-?\s*)?([1-9]\d{3})\s?(?!SA|SD|SS)([A-Z]{2})(?:\s+${CITY})?$`, 'u');
const UK_POSTCODE = String.raw`([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[ABD-HJLNP-UW-Z]{2})`;
const UK_CITY_FIRST = new RegExp(String.raw`^(?:${CITY},?\s+)?${UK_POSTCODE}$`, 'u');
const UK_POSTCODE_FIRST = new RegExp(String.raw`^${UK_POSTCODE}\s+${CITY}$`, 'u');
const FIVE_DIGITS = new RegExp(String.raw`^(?:([A-Z]{1,2})\s?-\s?)?(\d{5})\s+${CITY}(?:\s+Cedex(?:\s+\d+)?)?$`, 'u');
const FOUR_DIGITS = new RegExp(String.raw`^(?:([A-Z]{1,2})\s?-\s?)?([1-9]\d{3})\s+${CITY}$`, 'u');
const CITY_THEN_DIGITS = new RegExp(String.raw`^${CITY}\s+(\d{5,6})$`, 'u');
const US_STYLE = new RegExp(String.raw`^${CITY},?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$`, 'u');

const LETTER_PREFIX: Record<string, string> = { D: 'DE', DE: 'DE', F: 'FR', FR: 'FR', B: 'BE', BE: 'BE', A: 'AT', AT: 'AT', CH: 'CH', L: 'LU', LU: 'LU', I: 'IT', IT: 'IT', E: 'ES', ES: 'ES', NL: 'NL', DK: 'DK' };

/** Parses "1015 AA Amsterdam", "20457 Hamburg", "Manchester M1 2FN", "Ningbo 315800" and similar parts. */
export function parseLocality(part: string): Locality | null {
  const text = part.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 60) return null;

  let match = NL_POSTCODE.exec(text);
  if (match) {
    return { zip: `${match[1]} ${match[2]}`, city: cleanCity(match[3]), country: 'NL' };
  }
  match = UK_CITY_FIRST.exec(text);
  if (match) {
    return { zip: `${match[2]} ${match[3]}`, city: cleanCity(match[1]), country: 'GB' };
  }
  match = UK_POSTCODE_FIRST.exec(text);
  if (match) {
    return { zip: `${match[1]} ${match[2]}`, city: cleanCity(match[3]), country: 'GB' };
  }
  match = FIVE_DIGITS.exec(text);
  if (match && validCity(match[3])) {
    const prefixed = match[1] ? LETTER_PREFIX[match[1]] : undefined;
    return { zip: match[2], city: cleanCity(match[3]), country: prefixed, possibleCountries: ['DE', 'FR', 'IT', 'ES', 'FI', 'US'] };
  }
  match = FOUR_DIGITS.exec(text);
  if (match && validCity(match[3])) {
    const prefixed = match[1] ? LETTER_PREFIX[match[1]] : undefined;
    const city = cleanCity(match[3]);
    const belgian = Boolean(match[2] && city && isBelgianLocality(match[2], city));
    return { zip: match[2], city, country: prefixed ?? (belgian ? 'BE' : undefined), possibleCountries: ['BE', 'CH', 'AT', 'LU', 'DK', 'NO'] };
  }
  match = US_STYLE.exec(text);
  if (match && validCity(match[1])) {
    return { zip: match[3], city: cleanCity(match[1]), possibleCountries: ['US'] };
  }
  match = CITY_THEN_DIGITS.exec(text);
  if (match && validCity(match[1])) {
    return { zip: match[2], city: cleanCity(match[1]), possibleCountries: match[2]?.length === 6 ? ['CN', 'IN', 'RU', 'SG'] : ['FR', 'DE'] };
  }
  return null;
}

/** Tells whether a text is a bare postcode in one of the formats above. */
export function parseBarePostcode(part: string): Locality | null {
  const text = part.trim();
  let match = /^([1-9]\d{3})\s?([A-Z]{2})$/.exec(text);
  if (match) return { zip: `${match[1]} ${match[2]}`, country: 'NL' };
  match = new RegExp(`^${UK_POSTCODE}$`).exec(text);
  if (match) return { zip: `${match[1]} ${match[2]}`, country: 'GB' };
  return null;
}

const NOT_A_CITY = /\b(?:minuten|minutes|min|uur|jaar|years?|kg|g|ml|personen|people|stuks|pcs|days?|dagen|euro|eur|kcal|kj|km|m2|procent|percent|floor|etage|verdieping|bus|box)\b/i;

function validCity(city: string | undefined): boolean {
  if (!city) return false;
  const words = city.trim().split(/\s+/);
  return words.length <= 5 && !NOT_A_CITY.test(city) && !/\d/.test(city);
}

function cleanCity(city: string | undefined): string | undefined {
  const cleaned = city?.replace(/[,.;]+$/, '').trim();
  return cleaned || undefined;
}
