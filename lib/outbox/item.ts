import * as z from 'zod/mini';
import { sendErrorSchema, type SendError } from '../messages';
import { contactBodySchema, externalIdSchema, organizationBodySchema } from '../thalamus/schema';

/** A contact waiting to be delivered, with the organization to upsert before it, if any. */
export const outboxItemSchema = z.object({
  id: z.string(),
  contact: z.object({ externalId: externalIdSchema, body: contactBodySchema }),
  organization: z.optional(
    z.object({
      externalId: externalIdSchema,
      body: organizationBodySchema,
      /** Set once the organization upsert succeeded, so a retry sends only the contact. */
      delivered: z.optional(z.boolean()),
    }),
  ),
  /** The contact's LinkedIn profile, recorded in the history to recognise the person later. */
  linkedin: z.optional(z.string()),
  /** Origin of the send: the review popup waits for the first attempt, the others do not. */
  origin: z.enum(['popup', 'background']),
  createdAt: z.number(),
  /** Failed attempts so far, not counting rate limiting. */
  attempts: z.number(),
  nextAttemptAt: z.number(),
  state: z.enum(['pending', 'failed']),
  lastError: z.optional(sendErrorSchema),
});

export type OutboxItem = z.infer<typeof outboxItemSchema>;

export type NewOutboxItem = Pick<OutboxItem, 'contact' | 'organization' | 'origin' | 'linkedin'>;

/** Tells whether a later attempt can succeed without the user changing anything. */
export function isTransient(error: SendError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'timeout' ||
    error.kind === 'server' ||
    error.kind === 'rate-limited' ||
    error.kind === 'invalid-response'
  );
}

/** Returns a short label for lists and notifications: the name, else the email, else the id. */
export function itemLabel(item: Pick<OutboxItem, 'contact'>): string {
  return item.contact.body.name ?? item.contact.body.email ?? item.contact.externalId;
}
