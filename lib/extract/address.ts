import { countryFromName } from './country';
import { parseBarePostcode, parseLocality, type Locality } from './postcode';

/** Address parts found in one line of text. */
export interface AddressParts {
  street?: string;
  /** True when the street is a PO box rather than a visiting address. */
  postBox?: boolean;
  /** True when the street carries a street-type word, so it is an address even on its own. */
  strongStreet?: boolean;
  locality?: Locality;
  country?: string;
}

const STREET_SUFFIX =
  /(?:straat|str\.|gracht|weg|laan|plein|kade|singel|dijk|markt|hof|pad|steeg|dreef|baan|ring|kaai|lei|wal|haven|poort|plantsoen|boulevard|straße|strasse|gasse|allee|platz|damm|ufer|chaussee|kai|stieg|graben|wall|park|veld|berg)$/iu;
const STREET_WORD =
  /\b(?:street|st|road|rd|avenue|ave|lane|place|square|way|drive|court|row|close|crescent|terrace|gardens|hill|walk|parade|mews|grove|wharf|quay|yard|green|broadway|boulevard|blvd|highway|rue|av|allée|bd|cours|chemin|impasse|quai|route|passage|rond-point|voie|faubourg|esplanade|promenade|parvis|via|viale|piazza|calle|avenida|plaza|carrer|rua|am|an der|im|auf der|zum|zur)\b/iu;

const HOUSE_NUMBER = String.raw`\d{1,5}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,5}[a-zA-Z]?|\s?-\s?[a-zA-Z]{1,2}\b|\s?-?\s?(?:hs|bis|ter|rd|h|I{1,3}))?(?:\s*(?:bus|bte|boîte|box)\s*\d+[a-zA-Z]?)?`;
const NAME_FIRST = new RegExp(String.raw`^(\p{L}[\p{L}\p{M}'’.\- ]*?)\s+(${HOUSE_NUMBER})$`, 'u');
const NUMBER_FIRST = new RegExp(String.raw`^(?:No\.?\s*)?(\d{1,5}[a-zA-Z]?(?:-\d{1,5})?),?\s+(\p{L}[\p{L}\p{M}'’.\- ]+)$`, 'u');
const POST_BOX = /^(?:Postbus|Postfach|P\.?\s?O\.?\s?Box|Post Office Box|B\.?P\.?|Boîte postale|Case postale|Apartado)\s*\d[\d ]*$/iu;
const FLOOR = /^(?:\d+(?:st|nd|rd|th|e|de|ste)?\s+(?:floor|verdieping|etage|étage|Stock|OG)|(?:floor|etage|verdieping|unit|suite|bâtiment|building)\s+\w+)$/iu;

/** Classifies one comma-free part of an address line as a street, or returns null. */
export function parseStreet(part: string): { street: string; postBox: boolean; strong: boolean } | null {
  const text = part.replace(/\s+/g, ' ').trim().replace(/[,;]+$/, '');
  if (!text || text.length > 60) return null;
  if (POST_BOX.test(text)) return { street: text, postBox: true, strong: true };
  if (parseLocality(text)) return null;

  let match = NAME_FIRST.exec(text);
  if (match?.[1]) {
    const name = match[1];
    if (name.split(' ').length > 5) return null;
    const lastWord = name.split(' ').at(-1) ?? '';
    const strong = STREET_SUFFIX.test(lastWord) || STREET_WORD.test(name);
    return { street: text, postBox: false, strong };
  }
  match = NUMBER_FIRST.exec(text);
  if (match?.[2]) {
    const name = match[2];
    if (name.split(' ').length > 6) return null;
    const strong = STREET_WORD.test(name) || STREET_SUFFIX.test(name.split(' ').at(-1) ?? '');
    return { street: text, postBox: false, strong };
  }
  return null;
}

/**
 * Parses a line such as "Stationsplein 45, 3511 ED Utrecht, The Netherlands" or
 * "4th Floor, 18 Tariff Street, Manchester M1 2FN". Parts that are neither street,
 * postcode, city nor country (a floor, a district) are dropped.
 */
export function parseAddressLine(line: string): AddressParts {
  const parts = line
    .split(/\s*,\s*|\s+[-–]\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const result: AddressParts = {};

  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (FLOOR.test(part)) continue;

    if (!result.locality) {
      const locality = parseLocality(part);
      if (locality) {
        result.locality = locality;
        continue;
      }
      const bare = parseBarePostcode(part);
      if (bare) {
        // "York, YO1 9RN": the city is the part before the postcode.
        const previous = parts[i - 1];
        if (previous && !result.street?.includes(previous) && /^\p{Lu}[\p{L} '-]+$/u.test(previous)) bare.city = previous;
        result.locality = bare;
        continue;
      }
    }
    if (!result.country) {
      const country = countryFromName(part);
      if (country && !/^[a-z]{2}$/i.test(part)) {
        result.country = country;
        continue;
      }
    }
    if (!result.street) {
      const street = parseStreet(part);
      if (street) {
        result.street = street.street;
        result.postBox = street.postBox;
        result.strongStreet = street.strong;
      }
    }
  }
  // "Manchester M1 2FN" after "18 Tariff Street": a city without postcode may sit alone in a part.
  if (result.locality && !result.locality.city) {
    const index = parts.findIndex((part) => result.locality?.zip && part.includes(result.locality.zip.split(' ')[0] ?? ''));
    const previous = index > 0 ? parts[index - 1] : undefined;
    if (previous && previous !== result.street && /^\p{Lu}[\p{L} '-]+$/u.test(previous)) result.locality.city = previous;
  }
  return result;
}
