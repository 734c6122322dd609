/**
 * External ids for contacts. Thalamus upserts by the partner's own external id and cannot be
 * searched, so the same person must always get the same id, on any machine. The id is therefore
 * a hash of the person's most stable identifier and of nothing about the browser or the time.
 *
 * Rule, first match wins:
 * 1. the email address, trimmed and lower-cased;
 * 2. the canonical LinkedIn profile URL `https://www.linkedin.com/in/<slug>`, slug lower-cased;
 * 3. the name and the organization, whitespace collapsed and lower-cased.
 * The id is the prefix followed by the first 16 hex digits (64 bits) of the SHA-256 of
 * `email:<address>`, `linkedin:<slug>` or `name:<name>|<organization>`.
 */

import { sha256Hex } from './hash';

export interface IdentitySource {
  email?: string;
  linkedin?: string;
  name?: string;
  organization?: string;
}

const HASH_HEX_DIGITS = 16;

export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}

/** Returns the identity key the id is hashed from, or `undefined` when nothing identifies the person. */
export function identityKey(source: IdentitySource): string | undefined {
  const email = source.email ? normaliseEmail(source.email) : '';
  if (email.includes('@')) return `email:${email}`;

  const slug = source.linkedin ? linkedInSlug(source.linkedin) : undefined;
  if (slug) return `linkedin:${slug}`;

  const name = collapse(source.name);
  if (name) return `name:${name}|${collapse(source.organization)}`;
  return undefined;
}

export async function deriveExternalId(
  source: IdentitySource,
  prefix: string,
): Promise<string | undefined> {
  const key = identityKey(source);
  return key === undefined ? undefined : `${prefix}${await sha256Hex(key, HASH_HEX_DIGITS)}`;
}

/** Reads the profile slug from a LinkedIn URL on any subdomain, or `undefined` for other URLs. */
export function linkedInSlug(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!/(^|\.)linkedin\.com$/.test(parsed.hostname)) return undefined;
  const match = /^\/in\/([^/?#]+)/.exec(parsed.pathname);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]).toLowerCase();
  } catch {
    return match[1].toLowerCase();
  }
}

function collapse(value: string | undefined): string {
  return (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
