import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { normaliseEmail, linkedInSlug } from './external-id';
import { contactBodySchema, organizationBodySchema } from './thalamus/schema';

/** One contact Thalamus confirmed: what was sent, when, and Thalamus's response. */
export const historyEntrySchema = z.object({
  externalId: z.string(),
  name: z.optional(z.string()),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  linkedin: z.optional(z.string()),
  organizationExternalId: z.optional(z.string()),
  sentAt: z.number(),
  /** 201 when Thalamus created the record, 200 when it updated one. */
  status: z.number(),
  message: z.optional(z.string()),
  /** The request body as sent, so the contact can be sent again or exported. */
  body: z.optional(contactBodySchema),
  organization: z.optional(z.object({ externalId: z.string(), body: organizationBodySchema })),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

// Storage stays small and searches stay fast with this many entries; older ones are dropped.
const MAX_ENTRIES = 5_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });

/** Entries newest first, without those older than the retention period. */
export async function loadHistory(retentionDays: number, now = Date.now()): Promise<HistoryEntry[]> {
  const entries = z.array(historyEntrySchema).safeParse(await historyItem.getValue());
  if (!entries.success) return [];
  return entries.data.filter((entry) => entry.sentAt >= now - retentionDays * DAY_MS);
}

/** Adds entries, given oldest first, to the top of the history. */
export async function recordInHistory(entries: HistoryEntry[], retentionDays: number, now = Date.now()) {
  const kept = await loadHistory(retentionDays, now);
  await historyItem.setValue([...[...entries].reverse(), ...kept].slice(0, MAX_ENTRIES));
}

export async function clearHistory(): Promise<void> {
  await historyItem.setValue([]);
}

export interface IdentityClues {
  email?: string;
  linkedin?: string;
  phone?: string;
}

/**
 * Finds the newest entry that was sent for the same person: the same email address, LinkedIn
 * profile or phone number. Its external id is the one to reuse, so that a second capture of
 * the person updates the first record even when the id rule would derive another id.
 */
export function findPreviousSend(entries: HistoryEntry[], clues: IdentityClues): HistoryEntry | undefined {
  const email = clues.email ? normaliseEmail(clues.email) : undefined;
  const slug = clues.linkedin ? linkedInSlug(clues.linkedin) : undefined;
  const phone = clues.phone?.replace(/[^\d+]/g, '');

  return entries.find(
    (entry) =>
      (email && entry.email && normaliseEmail(entry.email) === email) ||
      (slug && entry.linkedin && linkedInSlug(entry.linkedin) === slug) ||
      (phone && phone.length >= 8 && entry.phone === phone),
  );
}

/**
 * Drops the organization upsert when this browser already sent that organization. Its id is
 * derived from a shared email domain, so every later capture, including a poor one, would
 * otherwise overwrite the organization's name for every colleague linked to it.
 */
export function withoutKnownOrganization<T extends { organization?: { externalId: string } }>(
  request: T,
  entries: HistoryEntry[],
): T {
  const organizationId = request.organization?.externalId;
  if (!organizationId || !entries.some((entry) => entry.organization?.externalId === organizationId)) return request;
  return { ...request, organization: undefined };
}
