import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_BASE_URL } from './thalamus/client';

/** User settings, stored in `storage.local` and edited on the options page. */
export const settingsSchema = z.object({
  /** Thalamus API root including `/api/v1`. */
  baseUrl: z.string(),
  /** External organization id put on every new draft; empty for none. */
  defaultOrganizationId: z.string(),
  /** Contact status put on every new draft. */
  defaultStatus: z.string(),
  /** ISO 3166-1 alpha-2 country for phone numbers written without a country code. */
  defaultCountry: z.string().check(z.regex(/^([A-Z]{2})?$/)),
  /** Prefix of derived external ids, e.g. `C-`. */
  externalIdPrefix: z.string().check(z.maxLength(32)),
  /** Prefix of derived external organization ids, e.g. `O-`. */
  organizationIdPrefix: z.string().check(z.maxLength(32)),
  /**
   * `derive`: derive the organization's id from the email domain, website or name and upsert
   * the organization before the contact. `off`: leave organizations alone.
   */
  organizationMode: z.enum(['derive', 'off']),
  /** Whether job title, organization, website, LinkedIn URL and page go into the comment. */
  commentEnabled: z.boolean(),
  /** Whether the context menu opens the review first; off sends the capture straight to the outbox. */
  reviewBeforeSending: z.boolean(),
  /** Seconds to wait for Thalamus before a request counts as timed out and is retried later. */
  requestTimeoutSeconds: z.number().check(z.int(), z.minimum(1), z.maximum(300)),
  /** Days after which entries of the sent-contacts history are deleted. */
  historyRetentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_BASE_URL,
  defaultOrganizationId: '',
  defaultStatus: 'active',
  defaultCountry: 'NL',
  externalIdPrefix: 'C-',
  organizationIdPrefix: 'O-',
  organizationMode: 'derive',
  commentEnabled: true,
  reviewBeforeSending: true,
  requestTimeoutSeconds: 15,
  historyRetentionDays: 365,
};

export const settingsItem = storage.defineItem<Partial<Settings>>('local:settings', {
  fallback: {},
  version: 1,
});

/**
 * The partner API key. Only the background service worker reads it; other contexts write it
 * through messages and learn only whether one is set.
 */
export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '' });

/** Reads the settings, filling in defaults for missing keys and replacing invalid values. */
export async function loadSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, value] of Object.entries(stored ?? {})) {
    if (!(key in DEFAULT_SETTINGS)) continue;
    const candidate = { ...merged, [key]: value };
    if (settingsSchema.safeParse(candidate).success) merged[key] = value;
  }
  return settingsSchema.parse(merged);
}

export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await loadSettings()), ...changes });
  await settingsItem.setValue(next);
  return next;
}

export type BaseUrlCheck =
  | { ok: true; url: string; origin: string }
  | { ok: false; reason: 'invalid' | 'insecure' };

/**
 * Checks a Thalamus base URL: absolute http(s), and https unless the host is a loopback
 * address, because the API key travels in every request.
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: 'invalid' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'insecure' };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, origin: url.origin };
}

export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/** Removes what people paste along with a key: surrounding whitespace and quotes, and a `Bearer ` prefix. */
export function cleanApiKey(input: string): string {
  return input
    .trim()
    .replace(/^(["'`])(.*)\1$/s, '$2')
    .trim()
    .replace(/^bearer\s+/i, '');
}

export type ApiKeyWarning = 'bearer-prefix' | 'whitespace' | 'quotes' | 'unusual-format';

/**
 * Lists what looks wrong about a pasted API key. Keys look like `nerds_live_` and about 30
 * lowercase letters and digits; another infix is allowed because test keys may differ.
 */
export function checkApiKey(key: string): ApiKeyWarning[] {
  const warnings: ApiKeyWarning[] = [];
  if (/^\s*bearer\s/i.test(key)) warnings.push('bearer-prefix');
  if (/\s/.test(key.trim().replace(/^bearer\s+/i, ''))) warnings.push('whitespace');
  if (/["'`]/.test(key)) warnings.push('quotes');
  if (warnings.length === 0 && !/^[a-z]+_[a-z0-9]+_[a-z0-9]{16,64}$/.test(key.trim())) {
    warnings.push('unusual-format');
  }
  return warnings;
}
