import { FieldCollector, type ExtractorResult } from './candidates';
import { countryFromName } from './country';
import { inlineText, isHidden } from './dom-text';
import { cleanName } from './name';
import { canonicalLinkedInProfile, normalizeEmail, normalizeWebsite } from './patterns';
import { normalizePhone } from './phone';
import { parseBarePostcode } from './postcode';

/**
 * Reads microformats: h-card (v2) and vCard-style hCard (v1). The target is the first visible
 * card outside asides, navigation and footers; cards of colleagues and hidden organization
 * cards are ignored.
 */
export function extractHCard(document: Document, defaultCountry?: string): ExtractorResult[] {
  const cards = Array.from(document.querySelectorAll('.h-card, .vcard')).filter((card) => !hiddenWithin(card) && !card.parentElement?.closest('.h-card, .vcard'));
  const card = cards.find((candidate) => !candidate.closest('aside, nav, footer, header')) ?? cards[0];
  if (!card) return [];

  const collector = new FieldCollector('hcard');
  const v2 = card.classList.contains('h-card');
  const find = (v1: string, v2Class: string) => ownMatches(card, v2 ? `.${v2Class}` : `.${v1}`);

  const organizationElement = find('org', 'p-org')[0];
  const nameElement = find('fn', 'p-name')[0];
  const nameIsOrganization = nameElement && organizationElement && nameElement === organizationElement;
  const name = inlineText(nameElement) || [inlineText(find('given-name', 'p-given-name')[0]), inlineText(find('family-name', 'p-family-name')[0])].filter(Boolean).join(' ');
  collector.add('jobTitle', inlineText(find('title', 'p-job-title')[0]) || inlineText(find('role', 'p-role')[0]));
  collector.add('organization', inlineText(organizationElement));

  const address = find('adr', 'p-adr')[0] ?? card;
  const part = (v1: string, v2Class: string) => inlineText(ownMatches(address, v2 ? `.${v2Class}` : `.${v1}`, true)[0]);
  collector.add('address', part('street-address', 'p-street-address'));
  const zip = part('postal-code', 'p-postal-code');
  collector.add('zip', parseBarePostcode(zip)?.zip ?? zip);
  collector.add('city', part('locality', 'p-locality'));
  const country = countryFromName(part('country-name', 'p-country-name')) ?? parseBarePostcode(zip)?.country;
  collector.add('country', country);

  for (const element of find('email', 'u-email')) {
    collector.add('email', normalizeEmail(element.getAttribute('href') ?? inlineText(element)));
  }
  for (const element of find('tel', 'p-tel')) {
    const type = inlineText(element.querySelector('.type')).toLowerCase();
    if (/fax/.test(type)) continue;
    const value = element.getAttribute('href') ?? (inlineText(element.querySelector('.value')) || inlineText(element));
    collector.add('phone', normalizePhone(value.replace(/^[^:+\d]*:\s*/, ''), country ?? defaultCountry));
  }
  for (const element of find('url', 'u-url')) {
    const href = element.getAttribute('href') ?? '';
    const linkedin = canonicalLinkedInProfile(href);
    if (linkedin) collector.add('linkedin', linkedin);
    else collector.add('website', normalizeWebsite(href));
  }

  if (nameIsOrganization || !name) return [{ role: 'organization', fields: collector.fields }];
  collector.add('name', cleanName(name));
  return [{ role: 'person', fields: collector.fields }];
}

/** Elements matching a selector inside a card, without those of nested cards. */
function ownMatches(root: Element, selector: string, includeNested = false): Element[] {
  const matches = root.matches(selector) ? [root] : [];
  for (const element of Array.from(root.querySelectorAll(selector))) {
    if (includeNested || element.parentElement?.closest('.h-card, .vcard') === (root.closest('.h-card, .vcard') ?? root)) matches.push(element);
  }
  return matches;
}

function hiddenWithin(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) if (isHidden(current)) return true;
  return false;
}
