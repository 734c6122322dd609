import { FREE_MAIL_DOMAINS } from './free-mail-domains';
import { sha256Hex } from './hash';

export interface OrganizationSource {
  name?: string;
  email?: string;
  website?: string;
}

/** Returns the domain of a work address, or `undefined` for free mail and invalid addresses. */
export function workDomain(email: string | undefined): string | undefined {
  const domain = email?.trim().toLowerCase().split('@')[1];
  if (!domain || !domain.includes('.') || FREE_MAIL_DOMAINS.has(domain)) return undefined;
  return domain;
}

/**
 * Returns the key an organization's external id is hashed from: the work email's domain, else
 * the website's host without `www.`, else the name. Colleagues capturing people of the same
 * company thereby link them to the same organization.
 */
export function organizationKey(source: OrganizationSource): string | undefined {
  const domain = workDomain(source.email) ?? websiteHost(source.website);
  if (domain) return `domain:${domain}`;

  const name = source.name?.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return name ? `name:${name}` : undefined;
}

/** Derives a stable external organization id: the prefix and 16 hex digits of a SHA-256. */
export async function deriveOrganizationId(source: OrganizationSource, prefix: string): Promise<string | undefined> {
  const key = organizationKey(source);
  return key === undefined ? undefined : `${prefix}${await sha256Hex(key, 16)}`;
}

function websiteHost(website: string | undefined): string | undefined {
  if (!website) return undefined;
  try {
    const url = new URL(/^https?:\/\//i.test(website) ? website : `https://${website}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return host.includes('.') && !isSharedHost(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** Hosts where many organizations have pages, so the host does not identify one of them. */
function isSharedHost(host: string): boolean {
  return /(^|\.)(linkedin\.com|facebook\.com|instagram\.com|twitter\.com|x\.com|google\.com|github\.com)$/.test(host);
}
