import { FieldCollector, type ExtractorResult } from '../candidates';
import { countryFromName } from '../country';
import { inlineText } from '../dom-text';
import { cleanName } from '../name';
import { canonicalLinkedInProfile, normalizeEmail, normalizeWebsite } from '../patterns';
import { normalizePhone } from '../phone';

/**
 * LinkedIn profile pages as rendered for a logged-in member (2025). The top card holds the
 * name (`h1`), the headline and the location; the experience card lists positions, the
 * current one without an end date; the contact-info overlay has one section per kind.
 * The global navigation (the viewer's own avatar) and the "People also viewed" aside are
 * never read. Before the app renders, the same data sits as JSON in hidden `<code>` elements.
 */
export const LINKEDIN_SELECTORS = {
  topCard: 'main section',
  name: 'main h1',
  headline: 'main .text-body-medium.break-words, main .top-card-layout__headline',
  location: 'main span.text-body-small.inline.t-black--light.break-words',
  experienceAnchor: '#experience',
  entry: 'li',
  entryTitle: '.t-bold span[aria-hidden="true"]',
  entryLines: 'span.t-14.t-normal > span[aria-hidden="true"], span.t-14.t-normal > span.pvs-entity__caption-wrapper',
  contactSection: 'section.pv-contact-info__contact-type',
  contactValue: '.pv-contact-info__ci-container',
  jsonCode: 'code',
} as const;

// "Present" in English, Dutch, German and French interfaces.
const CURRENT = /\b(?:present|heden|nu|heute|aujourd’hui|aujourd'hui|today|actuel)\b/i;
const HEADLINE_AT = /^(.+?)\s+(?:at|bij|bei|chez|aan|@)\s+(.+)$/iu;

export function isLinkedInProfile(url: URL): boolean {
  return /(^|\.)linkedin\.com$/i.test(url.hostname) && /^\/in\/[^/]+/i.test(url.pathname);
}

/** Canonical profile URL of a LinkedIn profile page, or undefined for other pages. */
export function linkedInProfileFromUrl(url: string): string | undefined {
  return canonicalLinkedInProfile(url) ?? undefined;
}

/** Reads the profile whose slug is in the URL: the rendered page first, the embedded JSON second. */
export function extractLinkedInProfile(document: Document, url: URL, defaultCountry?: string): ExtractorResult[] {
  const profileUrl = canonicalLinkedInProfile(url.href);
  const slug = decodeURIComponent(/^\/in\/([^/?#]+)/i.exec(url.pathname)?.[1] ?? '');
  const rendered = readRenderedProfile(document, defaultCountry);
  const embedded = readEmbeddedProfile(document, slug);

  const page = new FieldCollector('page-url');
  page.add('linkedin', profileUrl);
  return [rendered, embedded, { role: 'person', fields: page.fields }];
}

function readRenderedProfile(document: Document, defaultCountry?: string): ExtractorResult {
  const collector = new FieldCollector('linkedin');
  const main = document.querySelector('main');
  if (!main) return { role: 'person', fields: {} };

  collector.add('name', cleanName(inlineText(main.querySelector('h1'))));
  const headline = inlineText(document.querySelector(LINKEDIN_SELECTORS.headline));
  const fromHeadline = parseHeadline(headline);
  if (fromHeadline) {
    collector.add('jobTitle', fromHeadline.title);
    collector.add('organization', fromHeadline.organization);
  }
  const current = readCurrentPosition(document);
  if (current) {
    collector.add('jobTitle', current.title);
    collector.add('organization', current.organization);
  }

  const location = parseLocation(inlineText(document.querySelector(LINKEDIN_SELECTORS.location)));
  collector.add('city', location.city);
  collector.add('country', location.country);

  for (const section of Array.from(document.querySelectorAll(LINKEDIN_SELECTORS.contactSection))) {
    const kind = section.className;
    const values = Array.from(section.querySelectorAll(LINKEDIN_SELECTORS.contactValue));
    for (const value of values) {
      if (/\bci-email\b/.test(kind)) collector.add('email', normalizeEmail(value.querySelector('a')?.getAttribute('href') ?? inlineText(value)));
      if (/\bci-phone\b/.test(kind)) {
        const number = inlineText(value.querySelector('span') ?? value).replace(/\(.*?\)/g, '');
        collector.add('phone', normalizePhone(number, location.country ?? defaultCountry));
      }
      if (/\bci-websites\b/.test(kind)) collector.add('website', normalizeWebsite(value.querySelector('a')?.getAttribute('href') ?? ''));
    }
  }
  return { role: 'person', fields: collector.fields };
}

/** Splits a headline such as "Senior Product Manager at Tulpenveld Payments | Payments nerd". */
function parseHeadline(headline: string): { title: string; organization: string } | undefined {
  const first = headline.split(/\s[|•·]\s/)[0]?.trim() ?? '';
  const match = HEADLINE_AT.exec(first);
  if (!match?.[1] || !match[2]) return undefined;
  return { title: match[1].trim(), organization: match[2].trim() };
}

function readCurrentPosition(document: Document): { title: string; organization: string } | undefined {
  const anchor = document.querySelector(LINKEDIN_SELECTORS.experienceAnchor);
  const section = anchor?.closest('section');
  if (!section) return undefined;
  for (const entry of Array.from(section.querySelectorAll(LINKEDIN_SELECTORS.entry))) {
    const title = inlineText(entry.querySelector(LINKEDIN_SELECTORS.entryTitle));
    const lines = Array.from(entry.querySelectorAll(LINKEDIN_SELECTORS.entryLines)).map((line) => inlineText(line));
    const dates = lines.find((line) => /\b(?:19|20)\d{2}\b/.test(line)) ?? '';
    if (!title || (dates && !CURRENT.test(dates))) continue;
    const organization = (lines.find((line) => line !== dates) ?? '').split(' · ')[0]?.trim() ?? '';
    return { title, organization };
  }
  return undefined;
}

/** Reads "City, Region, Country"; a metro area ("Greater Manchester Area") gives no city. */
export function parseLocation(location: string): { city?: string; country?: string } {
  const parts = location.split(',').map((part) => part.trim()).filter(Boolean);
  if (!parts.length) return {};
  const country = countryFromName(parts.at(-1) ?? '');
  const cityPart = parts.length > 1 || !country ? parts[0] : undefined;
  const metro = cityPart && /(?:\barea\b|region|metropol|\bgreater\b|\bregio\b|großraum|agglomération|omgeving)/i.test(cityPart);
  const result: { city?: string; country?: string } = {};
  if (cityPart && !metro && !countryFromName(cityPart)) result.city = cityPart;
  if (country) result.country = country;
  return result;
}

type Entity = Record<string, unknown>;

/** Reads the Voyager JSON that LinkedIn embeds in `<code>` elements, for the profile with the given slug. */
function readEmbeddedProfile(document: Document, slug: string): ExtractorResult {
  const collector = new FieldCollector('linkedin');
  const entities: Entity[] = [];
  for (const code of Array.from(document.querySelectorAll(LINKEDIN_SELECTORS.jsonCode))) {
    const text = code.textContent?.trim() ?? '';
    if (!text.startsWith('{') || text.length > 5_000_000) continue;
    try {
      const data = JSON.parse(text) as { included?: unknown };
      if (Array.isArray(data.included)) for (const item of data.included) if (item && typeof item === 'object') entities.push(item as Entity);
    } catch {
      continue;
    }
  }
  const profile = entities.find((entity) => typeof entity['publicIdentifier'] === 'string' && entity['publicIdentifier'].toLowerCase() === slug.toLowerCase());
  if (!profile) return { role: 'person', fields: {} };

  collector.add('name', cleanName(`${str(profile['firstName'])} ${str(profile['lastName'])}`));
  const headline = parseHeadline(str(profile['headline']) || str(profile['occupation']));
  if (headline) {
    collector.add('jobTitle', headline.title);
    collector.add('organization', headline.organization);
  }

  const profileKey = /:([^:,()]+)$/.exec(str(profile['entityUrn']))?.[1];
  const byUrn = new Map(entities.map((entity) => [str(entity['entityUrn']), entity]));
  const position = entities.find((entity) => {
    if (!/Position$/.test(str(entity['$type'])) || !profileKey || !str(entity['entityUrn']).includes(profileKey)) return false;
    const range = entity['dateRange'] as { end?: unknown } | undefined;
    return !range?.end;
  });
  if (position) {
    collector.add('jobTitle', str(position['title']));
    collector.add('organization', str(position['companyName']));
  }

  const geoLocation = profile['geoLocation'] as Entity | undefined;
  const geo = byUrn.get(str(geoLocation?.['*geo']));
  if (geo) {
    const location = parseLocation(str(geo['defaultLocalizedName']));
    collector.add('city', location.city);
    const countryEntity = byUrn.get(str(geo['*country']));
    const iso = str(countryEntity?.['countryISOCode']).toUpperCase();
    collector.add('country', iso || location.country);
  }
  return { role: 'person', fields: collector.fields };
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}
