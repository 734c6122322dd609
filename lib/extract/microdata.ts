import { parseAddressLine } from './address';
import { FieldCollector, type ExtractorResult } from './candidates';
import { countryFromName } from './country';
import { inlineText, isHidden } from './dom-text';
import { cleanName } from './name';
import { canonicalLinkedInProfile, normalizeEmail, normalizeWebsite } from './patterns';
import { normalizePhone } from './phone';
import { parseBarePostcode } from './postcode';

/** Reads schema.org microdata (`itemscope`/`itemprop`): the first visible Person, else an Organization. */
export function extractMicrodata(document: Document, defaultCountry?: string): ExtractorResult[] {
  const scopes = Array.from(document.querySelectorAll('[itemscope][itemtype]')).filter((scope) => !hiddenWithin(scope));
  const person = scopes.find((scope) => /schema\.org\/Person$/i.test(scope.getAttribute('itemtype') ?? '') && !scope.parentElement?.closest('[itemscope]'))
    ?? scopes.find((scope) => /schema\.org\/Person$/i.test(scope.getAttribute('itemtype') ?? ''));
  const results: ExtractorResult[] = [];

  if (person) {
    const collector = new FieldCollector('microdata');
    readScope(person, collector, defaultCountry);
    const organization = ownProperties(person, 'worksFor').find((element) => element.hasAttribute('itemscope'));
    if (organization) {
      collector.add('organization', propertyText(ownProperties(organization, 'name')[0]));
      const organizationFields = new FieldCollector('microdata');
      readScope(organization, organizationFields, defaultCountry);
      delete organizationFields.fields.name;
      results.push({ role: 'organization', fields: organizationFields.fields });
    } else {
      collector.add('organization', propertyText(ownProperties(person, 'worksFor')[0]));
    }
    results.unshift({ role: 'person', fields: collector.fields });
    return results;
  }

  const organization = scopes.find((scope) => /schema\.org\/(?:Organization|Corporation|LocalBusiness|\w*(?:Business|Service|Store|Office))$/i.test(scope.getAttribute('itemtype') ?? ''));
  if (organization) {
    const collector = new FieldCollector('microdata');
    readScope(organization, collector, defaultCountry);
    collector.add('organization', collector.first('name'));
    delete collector.fields.name;
    results.push({ role: 'organization', fields: collector.fields });
  }
  return results;
}

function readScope(scope: Element, collector: FieldCollector, defaultCountry: string | undefined): void {
  const name = propertyText(ownProperties(scope, 'name')[0]) || [propertyText(ownProperties(scope, 'givenName')[0]), propertyText(ownProperties(scope, 'familyName')[0])].filter(Boolean).join(' ');
  if (name) collector.add('name', cleanName(name));
  collector.add('jobTitle', propertyText(ownProperties(scope, 'jobTitle')[0]));

  let country: string | undefined;
  const address = ownProperties(scope, 'address')[0];
  if (address?.hasAttribute('itemscope')) {
    collector.add('address', propertyText(ownProperties(address, 'streetAddress')[0]));
    const zip = propertyText(ownProperties(address, 'postalCode')[0]);
    collector.add('zip', parseBarePostcode(zip)?.zip ?? zip);
    collector.add('city', propertyText(ownProperties(address, 'addressLocality')[0]));
    country = countryFromName(propertyText(ownProperties(address, 'addressCountry')[0])) ?? parseBarePostcode(zip)?.country;
  } else if (address) {
    const parts = parseAddressLine(propertyText(address));
    collector.add('address', parts.street);
    collector.add('zip', parts.locality?.zip);
    collector.add('city', parts.locality?.city);
    country = parts.country ?? parts.locality?.country;
  }
  collector.add('country', country);

  for (const element of ownProperties(scope, 'email')) collector.add('email', normalizeEmail(propertyText(element)));
  for (const element of ownProperties(scope, 'telephone')) collector.add('phone', normalizePhone(propertyText(element), country ?? defaultCountry));
  for (const element of [...ownProperties(scope, 'sameAs'), ...ownProperties(scope, 'url')]) {
    const linkedin = canonicalLinkedInProfile(propertyText(element));
    if (linkedin) collector.add('linkedin', linkedin);
    else if (!/Person$/i.test(scope.getAttribute('itemtype') ?? '')) collector.add('website', normalizeWebsite(propertyText(element)));
  }
}

/** Properties that belong to this scope and not to a nested one. */
function ownProperties(scope: Element, name: string): Element[] {
  return Array.from(scope.querySelectorAll(`[itemprop~="${name}"]`)).filter((element) => element.parentElement?.closest('[itemscope]') === scope);
}

function propertyText(element: Element | undefined): string {
  if (!element) return '';
  const attribute = element.getAttribute('content') ?? element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('datetime');
  if (attribute !== null && !element.hasAttribute('itemscope')) return attribute.trim();
  return inlineText(element);
}

function hiddenWithin(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) if (isHidden(current)) return true;
  return false;
}
