import { isCountryCode } from '../country-codes';
import countryNames from './country-names.json';

// Common names that are not in the i18n-iso-countries lists (country-names.json, generated
// from them by scripts/generate-data.ts).
const EXTRA_NAMES: Record<string, string> = {
  holland: 'NL',
  'the netherlands': 'NL',
  'nederland (the netherlands)': 'NL',
  uk: 'GB',
  'u.k.': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'great britain': 'GB',
  'united kingdom': 'GB',
  'groot-brittannië': 'GB',
  'vereinigtes königreich': 'GB',
  'royaume-uni': 'GB',
  usa: 'US',
  'u.s.a.': 'US',
  'u.s.': 'US',
  'united states': 'US',
  prc: 'CN',
  "people's republic of china": 'CN',
  belgië: 'BE',
  belgique: 'BE',
  belgien: 'BE',
  deutschland: 'DE',
  allemagne: 'DE',
  duitsland: 'DE',
  schweiz: 'CH',
  suisse: 'CH',
  österreich: 'AT',
};

let nameIndex: Map<string, string> | undefined;

function buildNameIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const [code, names] of Object.entries(countryNames as Record<string, string[]>)) {
    for (const name of names) index.set(foldCountryName(name), code);
  }
  for (const [name, code] of Object.entries(EXTRA_NAMES)) index.set(foldCountryName(name), code);
  return index;
}

/** Normalizes a country name for lookups: NFC, lower case, single spaces. */
export function foldCountryName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Returns the ISO alpha-2 code of a country name in English, Dutch, German or French, or of a code. */
export function countryFromName(text: string): string | undefined {
  const name = foldCountryName(text.replace(/[.,;]+$/, ''));
  if (!name) return undefined;
  if (/^[a-z]{2}$/.test(name)) {
    const code = name.toUpperCase();
    if (code === 'UK') return 'GB';
    return isCountryCode(code) ? code : undefined;
  }
  nameIndex ??= buildNameIndex();
  return nameIndex.get(name);
}

/** Language of a text, judged from greetings and closings; used only to pick a default country. */
// "hallo" and "dank" are written in Dutch and German alike, so only Dutch counts "dank" ("dank
// je"), where German writes "danke", and neither counts "hallo".
export function guessLanguage(text: string): 'nl' | 'de' | 'fr' | 'en' | undefined {
  const sample = text.slice(0, 20_000).toLowerCase();
  const scores = {
    nl: count(sample, /\b(?:groet(?:en|jes)?|gr|mvg|vriendelijke|hoi|dank|bijgaand|hierbij|bedankt|alvast|graag|het|een|wij|jij|je|zijn|niet|voor|ik|dan|bij|maar|ook|nog|naar|wel|jullie|zie|morgen|prima|goed)\b/g),
    de: count(sample, /(?:^|[^\p{L}])(?:grüße|grüßen|grüsse|grüssen|geehrte[rn]?|vielen|danke|und|nicht|ich|wir|bitte|mit|für|ihnen|dir|du|passt|das|ist|der|die|auf|anbei|gerne)(?![\p{L}])/gu),
    fr: count(sample, /\b(?:cordialement|bonjour|merci|vous|nous|avec|pour|est|les|des|une|dans|sur|bien à vous)\b/g),
    en: count(sample, /\b(?:regards|thanks|thank|the|and|you|please|with|best|cheers|dear|hi|sounds|good|see|will|let|know|for|is)\b/g),
  };
  let best: keyof typeof scores | undefined;
  let bestScore = 0;
  for (const language of Object.keys(scores) as (keyof typeof scores)[]) {
    if (scores[language] > bestScore) {
      best = language;
      bestScore = scores[language];
    }
  }
  return best;
}

/** Default country for national numbers and ambiguous postcodes, from a language code. */
export function countryForLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const [base, region] = language.toLowerCase().split(/[-_]/);
  if (region && /^[a-z]{2}$/.test(region)) return region.toUpperCase() === 'UK' ? 'GB' : region.toUpperCase();
  return { nl: 'NL', de: 'DE', fr: 'FR' }[base ?? ''];
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Returns the country of an e-mail address's country-code domain ("jan@bouw.be" is BE), a hint
 * for national phone numbers only, because the domain shows where the organization registered
 * it, not where the person lives.
 */
export function countryFromEmailDomain(email: string): string | undefined {
  const tld = /\.([a-z]{2})$/i.exec(email.trim())?.[1]?.toUpperCase();
  if (!tld) return undefined;
  if (tld === 'UK') return 'GB';
  return isCountryCode(tld) ? tld : undefined;
}
