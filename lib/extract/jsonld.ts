import { FieldCollector, type ExtractorResult } from './candidates';
import { countryFromName } from './country';
import { cleanName } from './name';
import { canonicalLinkedInProfile, normalizeEmail, normalizeWebsite } from './patterns';
import { normalizePhone } from './phone';
import { parseBarePostcode, parseLocality } from './postcode';
import { parseAddressLine } from './address';

type JsonObject = Record<string, unknown>;

const NON_ENTITY_TYPES = /^(?:WebSite|WebPage|ProfilePage|AboutPage|ContactPage|CollectionPage|BreadcrumbList|ListItem|ImageObject|SearchAction|EntryPoint|PostalAddress|ContactPoint|GeoCoordinates|OpeningHoursSpecification|Article|BlogPosting|NewsArticle|Recipe|Product|Offer|AggregateRating|Rating|Review|VideoObject|FAQPage|Question|Answer|HowTo|Event|ReadAction|Place|Country|City)$/;

/** Reads schema.org data from JSON-LD blocks: the featured Person, otherwise an Organization. */
export function extractJsonLd(document: Document, pageUrl: string, defaultCountry?: string): ExtractorResult[] {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A malformed block is skipped; the others still count.
    }
    collectNodes(data, nodes, 0);
  }
  if (!nodes.length) return [];

  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    // References such as {"@id": "#organization"} point to the full node; they must not replace it.
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  const resolve = (value: unknown): JsonObject | undefined => {
    const object = firstObject(value);
    if (!object) return undefined;
    const id = object['@id'];
    if (typeof id === 'string' && Object.keys(object).length === 1) return byId.get(id);
    return object;
  };

  const people = nodes.filter((node) => hasType(node, /^Person$/));
  const mainEntities = nodes
    .filter((node) => hasType(node, /Page$/))
    .map((page) => resolve(page['mainEntity']))
    .filter((node): node is JsonObject => Boolean(node));
  const person = mainEntities.find((node) => hasType(node, /^Person$/)) ?? (people.length === 1 ? people[0] : pickByPageUrl(people, pageUrl));

  const results: ExtractorResult[] = [];
  if (person) {
    const collector = new FieldCollector('json-ld');
    readEntity(person, collector, defaultCountry, resolve);
    const organization = resolve(person['worksFor']) ?? resolve(person['affiliation']) ?? resolve(person['memberOf']);
    if (organization) {
      collector.add('organization', text(organization['name']));
      const organizationFields = new FieldCollector('json-ld');
      readEntity(organization, organizationFields, defaultCountry, resolve);
      delete organizationFields.fields.name;
      delete organizationFields.fields.jobTitle;
      organizationFields.fields.organization = [];
      results.push({ role: 'organization', fields: organizationFields.fields });
    }
    results.unshift({ role: 'person', fields: collector.fields });
    return results;
  }

  const organization =
    mainEntities.find((node) => !hasType(node, NON_ENTITY_TYPES)) ??
    nodes.find((node) => !hasType(node, NON_ENTITY_TYPES) && !hasType(node, /^Person$/) && (node['address'] || node['telephone'] || node['email'] || node['contactPoint']));
  if (organization) {
    const collector = new FieldCollector('json-ld');
    readEntity(organization, collector, defaultCountry, resolve);
    collector.add('organization', text(organization['legalName']) || text(organization['name']));
    delete collector.fields.name;
    results.push({ role: 'organization', fields: collector.fields });
  }
  return results;
}

function readEntity(entity: JsonObject, collector: FieldCollector, defaultCountry: string | undefined, resolve: (value: unknown) => JsonObject | undefined): void {
  const name = text(entity['name']) || [text(entity['givenName']), text(entity['additionalName']), text(entity['familyName'])].filter(Boolean).join(' ');
  if (name) collector.add('name', cleanName(name));
  collector.add('jobTitle', text(entity['jobTitle']));

  const address = resolve(entity['address']);
  const country = readAddress(address ?? text(entity['address']), collector);
  const phoneCountry = country ?? defaultCountry;

  for (const email of list(entity['email'])) collector.add('email', normalizeEmail(text(email)));
  for (const phone of list(entity['telephone'])) collector.add('phone', normalizePhone(text(phone), phoneCountry));
  for (const point of list(entity['contactPoint'])) {
    const contactPoint = resolve(point);
    if (!contactPoint) continue;
    for (const email of list(contactPoint['email'])) collector.add('email', normalizeEmail(text(email)));
    for (const phone of list(contactPoint['telephone'])) collector.add('phone', normalizePhone(text(phone), phoneCountry));
  }
  for (const link of [...list(entity['sameAs']), ...list(entity['url'])]) {
    const linkedin = canonicalLinkedInProfile(text(link));
    if (linkedin) collector.add('linkedin', linkedin);
  }
  if (!hasType(entity, /^Person$/)) {
    const website = normalizeWebsite(text(entity['url']));
    if (website) collector.add('website', rootOf(website));
  }
}

/** Reads a PostalAddress object or an address string; returns the country it names. */
function readAddress(address: JsonObject | string | undefined, collector: FieldCollector): string | undefined {
  if (!address) return undefined;
  if (typeof address === 'string') {
    const parts = parseAddressLine(address);
    collector.add('address', parts.street);
    collector.add('zip', parts.locality?.zip);
    collector.add('city', parts.locality?.city);
    const country = parts.country ?? parts.locality?.country;
    collector.add('country', country);
    return country;
  }
  const street = text(address['streetAddress']).split(/\n/)[0]?.trim();
  collector.add('address', street);
  const rawZip = text(address['postalCode']);
  const zip = parseBarePostcode(rawZip)?.zip ?? parseLocality(`${rawZip} X`)?.zip ?? rawZip;
  collector.add('zip', zip);
  collector.add('city', text(address['addressLocality']));
  const countryValue = firstObject(address['addressCountry']);
  const countryText = countryValue ? text(countryValue['name']) : text(address['addressCountry']);
  const country = countryFromName(countryText) ?? parseBarePostcode(rawZip)?.country;
  collector.add('country', country);
  return country;
}

function collectNodes(value: unknown, nodes: JsonObject[], depth: number): void {
  if (depth > 8 || nodes.length > 500) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, nodes, depth + 1);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const object = value as JsonObject;
  if (object['@type']) nodes.push(object);
  else if (typeof object['@id'] === 'string' && Object.keys(object).length > 1) nodes.push(object);
  for (const [key, child] of Object.entries(object)) {
    if (key === '@context') continue;
    if (child && typeof child === 'object') collectNodes(child, nodes, depth + 1);
  }
}

function pickByPageUrl(people: JsonObject[], pageUrl: string): JsonObject | undefined {
  const page = pageUrl.replace(/[?#].*$/, '').replace(/\/+$/, '');
  return people.find((person) => list(person['url']).some((url) => text(url).replace(/\/+$/, '') === page)) ?? people[0];
}

function hasType(node: JsonObject, pattern: RegExp): boolean {
  return list(node['@type']).some((type) => pattern.test(text(type).replace(/^https?:\/\/schema\.org\//, '')));
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function firstObject(value: unknown): JsonObject | undefined {
  const first = list(value)[0];
  return first && typeof first === 'object' && !Array.isArray(first) ? (first as JsonObject) : undefined;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object' && '@value' in value) return text((value as JsonObject)['@value']);
  return '';
}

function rootOf(website: string): string {
  const url = new URL(website);
  return `${url.protocol}//${url.hostname}`;
}
