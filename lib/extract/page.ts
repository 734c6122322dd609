import { parseAddressLine, parseStreet, type AddressParts } from './address';
import { FieldCollector, type ExtractorResult, type FoundFields } from './candidates';
import { elementText, inlineText } from './dom-text';
import { looksLikeOrganization, readLabel } from './labels';
import { findContactLinks, type ContactLink } from './links';
import { cleanName, looksLikePersonName, nameWords } from './name';
import { bareHost, findEmails, isGenericEmail, siteRoot } from './patterns';
import { findPhones, normalizePhone, phoneCountry } from './phone';

/**
 * Reads a company or personal web page without structured data about its contact: a featured
 * person (a team member's page, whose name is the `h1`) or, otherwise, the organization that
 * runs the site, with the address and contact links of its contact block or footer.
 */
export function extractPage(document: Document, url: string, structured: ExtractorResult[], defaultCountry?: string): ExtractorResult[] {
  const body = document.body;
  if (!body) return [];
  const main = document.querySelector('main, [role="main"]') ?? body;
  const links = findContactLinks(body);
  const structuredPerson = structured.some((result) => result.role === 'person' && result.fields.name?.length);

  const heading = main.querySelector('h1') ?? body.querySelector('h1');
  const headingName = heading ? cleanName(inlineText(heading)) : '';
  const container = heading ? contactContainer(heading, main) : undefined;
  const isPersonPage = Boolean(heading && looksLikePersonName(headingName) && (container || structuredPerson || titleMentions(document, headingName)));

  const address = findAddress(body, isPersonPage ? container : undefined);
  const country = address?.country ?? address?.locality?.country ?? pickPossible(address, defaultCountry);
  const phoneDefault = country ?? defaultCountry;

  const person = new FieldCollector('page-text');
  const personLinks = { mailto: new FieldCollector('mailto'), tel: new FieldCollector('tel') };
  const organization = new FieldCollector('page-text');
  const organizationLinks = { mailto: new FieldCollector('mailto'), tel: new FieldCollector('tel') };

  if (isPersonPage && heading) {
    person.add('name', headingName);
    person.add('jobTitle', titleAfterHeading(heading));
    const own = container ? links.filter((link) => container.contains(link.element)) : [];
    addLinks(own, headingName, phoneDefault, personLinks, organizationLinks);
    for (const link of own) if (link.kind === 'linkedin') person.add('linkedin', link.value);
  } else {
    const contactLinks = links.filter((link) => main.contains(link.element));
    addLinks(contactLinks.length ? contactLinks : links, '', phoneDefault, organizationLinks, organizationLinks);
    if (!organizationLinks.mailto.has('email')) {
      for (const email of findEmails(elementText(main))) organization.add('email', email);
    }
    if (!organizationLinks.tel.has('phone')) addLabelledPhones(main, phoneDefault, organization);
  }

  // The rest of the organization's data is only worth keeping when the page names a contact.
  const hasContact =
    isPersonPage ||
    organizationLinks.mailto.has('email') ||
    organizationLinks.tel.has('phone') ||
    organization.has('email') ||
    organization.has('phone') ||
    Boolean(address?.street && address.locality);
  if (!hasContact) return [];

  // On a personal site the copyright line names the person, not an organization.
  const personNames = [headingName, ...structured.flatMap((result) => result.fields.name ?? []).map((found) => found.value)].filter(Boolean);
  const site = siteName(document);
  if (site && !personNames.some((personName) => site.toLowerCase() === personName.toLowerCase())) organization.add('organization', site);
  if (address) {
    organization.add('address', address.street);
    organization.add('zip', address.locality?.zip);
    organization.add('city', address.locality?.city);
  }
  organization.add('country', country);
  if (!country) {
    const phone = personLinks.tel.first('phone') ?? organizationLinks.tel.first('phone') ?? organization.first('phone');
    organization.add('country', phone ? phoneCountry(phone) : undefined);
  }

  const host = bareHost(url);
  const emails = [...(personLinks.mailto.fields.email ?? []), ...(organizationLinks.mailto.fields.email ?? []), ...(organization.fields.email ?? [])];
  if (organization.has('organization') || emails.some((email) => email.value.endsWith(`@${host}`) || email.value.endsWith(`.${host}`))) {
    organization.add('website', siteRoot(url));
  }

  const results: ExtractorResult[] = [];
  if (isPersonPage) results.push({ role: 'person', fields: combine(person.fields, personLinks.mailto.fields, personLinks.tel.fields) });
  results.push({ role: 'organization', fields: combine(organizationLinks.mailto.fields, organizationLinks.tel.fields, organization.fields) });
  return results;
}

/** The nearest ancestor of the heading that contains contact links, below `main`. */
function contactContainer(heading: Element, main: Element): Element | undefined {
  let current: Element | null = heading.parentElement;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.querySelector('a[href^="mailto:" i], a[href^="tel:" i], a[href*="linkedin.com/in/" i], [data-cfemail]')) return current;
    if (current === main) break;
    current = current.parentElement;
  }
  return undefined;
}

function titleMentions(document: Document, name: string): boolean {
  const words = nameWords(name);
  const title = (document.title ?? '').toLowerCase();
  return words.length > 0 && words.every((word) => title.includes(word));
}

/** The short line right after the name heading: "Partner audit", "Senior Planning Consultant". */
function titleAfterHeading(heading: Element): string | undefined {
  let anchor: Element = heading;
  while (!anchor.nextElementSibling && anchor.parentElement && anchor.parentElement.children.length === 1) anchor = anchor.parentElement;
  for (let sibling = anchor.nextElementSibling, steps = 0; sibling && steps < 2; sibling = sibling.nextElementSibling, steps++) {
    const text = inlineText(sibling);
    if (!text || sibling.querySelector('a[href^="mailto:" i], a[href^="tel:" i]')) continue;
    if (text.length > 80 || /\d{3}/.test(text) || /[.!?]$/.test(text) || text.split(/\s+/).length > 8 || /:\s*\d/.test(text)) return undefined;
    return text;
  }
  return undefined;
}

function addLinks(
  links: ContactLink[],
  name: string,
  defaultCountry: string | undefined,
  own: { mailto: FieldCollector; tel: FieldCollector },
  fallback: { mailto: FieldCollector; tel: FieldCollector },
): void {
  const words = nameWords(name);
  const emails = links.filter((link) => link.kind === 'email').map((link) => link.value);
  const personal = emails.filter((email) => words.some((word) => word.length > 2 && email.split('@')[0]?.includes(word)));
  for (const email of [...personal, ...emails.filter((email) => !isGenericEmail(email))]) own.mailto.add('email', email);
  for (const email of emails.filter(isGenericEmail)) fallback.mailto.add('email', email);

  for (const link of links) {
    if (link.kind !== 'phone' || link.label === 'fax' || link.label === 'other') continue;
    const phone = normalizePhone(link.value, defaultCountry);
    if (!phone) continue;
    if (link.label === 'switchboard') fallback.tel.add('phone', phone);
    else own.tel.add('phone', phone);
  }
}

function addLabelledPhones(root: Element, defaultCountry: string | undefined, collector: FieldCollector): void {
  for (const line of elementText(root).split('\n')) {
    for (const segment of line.split(/\s*[|·•]\s*/)) {
      const { label, value } = readLabel(segment);
      if (label !== 'phone' && label !== 'mobile' && label !== 'switchboard') continue;
      for (const match of findPhones(value, defaultCountry)) collector.add('phone', match.e164);
    }
  }
}

/** Finds a postal address in the page text, preferring one inside `preferred`. */
function findAddress(body: Element, preferred: Element | undefined): AddressParts | undefined {
  const skip = (element: Element) => element.matches('form, nav, script, style');
  // Contact blocks and footers first, so that a long page body does not hide them.
  const blocks = Array.from(body.querySelectorAll('address, footer, [class*="contact" i], [class*="footer" i], [class*="adres" i], [class*="address" i], [id*="contact" i]'));
  const scopes = [...(preferred ? [preferred] : []), ...blocks.slice(0, 20), body];
  for (const scope of scopes) {
    const lines = elementText(scope, { skip, maxLength: 300_000 }).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const segments = (lines[i] ?? '').split(/\s*[|·•]\s*/).filter(Boolean);
      for (let s = 0; s < segments.length; s++) {
        const parts = parseAddressLine(segments[s] ?? '');
        if (!parts.locality?.zip) continue;
        if (!parts.street) {
          const before = s > 0 ? segments[s - 1] : lines[i - 1];
          const street = before ? parseStreet(before.split(',').at(-1) ?? '') : null;
          if (street) {
            parts.street = street.street;
            parts.postBox = street.postBox;
          }
        }
        if (parts.street) return parts;
      }
    }
  }
  return undefined;
}

function pickPossible(address: AddressParts | undefined, defaultCountry: string | undefined): string | undefined {
  const possible = address?.locality?.possibleCountries;
  return defaultCountry && possible?.includes(defaultCountry) ? defaultCountry : undefined;
}

/** The organization running the site: og:site_name, the logo's text, the title's suffix or the copyright line. */
function siteName(document: Document): string | undefined {
  const candidates: string[] = [];
  const ogSiteName = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  if (ogSiteName) candidates.push(ogSiteName);
  const logo = document.querySelector('header a[class*="logo" i], a[class*="logo" i], [class*="logo" i] a, header a[href="/"]');
  const logoText = logo?.getAttribute('aria-label') || logo?.querySelector('img[alt]')?.getAttribute('alt') || document.querySelector('img[class*="logo" i][alt], header img[alt]')?.getAttribute('alt');
  if (logoText) candidates.push(logoText);
  const copyright = /(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?([^.|·\n]{2,60})/i.exec(document.body ? elementText(document.body) : '')?.[1];
  if (copyright) candidates.push(copyright);
  // A title suffix is often a tagline or a role ("Marta Novak – Illustrator"); it counts when it names an organization.
  const titleSuffix = /\s[|–—-]\s([^|–—-]+)$/.exec(document.title ?? '')?.[1]?.trim();
  if (titleSuffix && (looksLikeOrganization(titleSuffix) || candidates.some((candidate) => titleSuffix.toLowerCase().startsWith(candidate.trim().toLowerCase())))) {
    candidates.push(titleSuffix);
  }

  const cleaned = candidates.map((candidate) => candidate.replace(/\s+/g, ' ').replace(/\s*(?:logo|home|homepage)$/i, '').trim()).filter((candidate) => candidate.length >= 2 && candidate.length <= 80);
  const first = cleaned[0];
  if (!first) return undefined;
  // Prefer the longer form of the same name: "Thornbury Planning Ltd" over "Thornbury Planning".
  return cleaned.find((candidate) => candidate.length > first.length && candidate.toLowerCase().startsWith(first.toLowerCase())) ?? first;
}

function combine(...parts: FoundFields[]): FoundFields {
  const fields: FoundFields = {};
  for (const part of parts) {
    for (const [field, found] of Object.entries(part) as [keyof FoundFields, FoundFields[keyof FoundFields]][]) {
      if (found?.length) (fields[field] ??= []).push(...found);
    }
  }
  return fields;
}
