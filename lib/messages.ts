import * as z from 'zod/mini';
import { browser, type Browser } from 'wxt/browser';
import { contactBodySchema, externalIdSchema, organizationBodySchema, upsertedRecordSchema } from './thalamus/schema';

/**
 * The one message protocol between extension pages (popup, options) and the background
 * service worker. Requests and responses are checked with these schemas where they are
 * received. Content scripts never send messages: the capture script returns its result to
 * `scripting.executeScript`.
 */

const MAX_API_KEY_LENGTH = 512;

export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send-contact'),
    externalId: externalIdSchema,
    body: contactBodySchema,
    /** The organization to upsert before the contact. */
    organization: z.optional(z.object({ externalId: externalIdSchema, body: organizationBodySchema })),
    /** The contact's LinkedIn profile, which the contact has no field for, kept in the history. */
    linkedin: z.optional(z.string().check(z.maxLength(2_000))),
  }),
  z.object({ type: z.literal('outbox-retry'), id: z.string().check(z.maxLength(100)) }),
  z.object({ type: z.literal('outbox-discard'), id: z.string().check(z.maxLength(100)) }),
  z.object({ type: z.literal('get-key-status') }),
  z.object({
    type: z.literal('set-api-key'),
    apiKey: z.string().check(z.minLength(1), z.maxLength(MAX_API_KEY_LENGTH)),
  }),
  z.object({ type: z.literal('clear-api-key') }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

const errorKinds = [
  'unauthorized',
  'not-found',
  'rejected',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'invalid-response',
  'refused',
  'no-key',
  'invalid-base-url',
  'no-host-permission',
  'invalid-message',
  'internal',
] as const;

/** A failure reported to an extension page; `kind` selects the message shown to the user. */
export const sendErrorSchema = z.object({
  kind: z.enum(errorKinds),
  status: z.optional(z.number()),
  serverMessage: z.optional(z.string()),
  fieldErrors: z.optional(z.record(z.string(), z.array(z.string()))),
  retryAfterSeconds: z.optional(z.number()),
});

export type SendError = z.infer<typeof sendErrorSchema>;

const keyStatusSchema = z.object({
  hasKey: z.boolean(),
  /** The last four characters of the stored key, so the user can tell which key is set. */
  hint: z.optional(z.string()),
});

export type KeyStatus = z.infer<typeof keyStatusSchema>;

const failureSchema = z.object({ ok: z.literal(false), error: sendErrorSchema });

const doneSchema = z.union([z.object({ ok: z.literal(true) }), failureSchema]);

export const responseSchemas = {
  'send-contact': z.union([
    z.object({
      ok: z.literal(true),
      status: z.number(),
      record: upsertedRecordSchema,
      message: z.optional(z.string()),
    }),
    z.object({
      ok: z.literal(false),
      error: sendErrorSchema,
      /** Set when the contact waits in the outbox and is retried automatically at this time. */
      retryAt: z.optional(z.number()),
    }),
  ]),
  'outbox-retry': doneSchema,
  'outbox-discard': doneSchema,
  'get-key-status': z.union([z.object({ ok: z.literal(true), status: keyStatusSchema }), failureSchema]),
  'set-api-key': z.union([z.object({ ok: z.literal(true), status: keyStatusSchema }), failureSchema]),
  'clear-api-key': z.union([z.object({ ok: z.literal(true), status: keyStatusSchema }), failureSchema]),
} satisfies Record<RequestType, z.ZodMiniType>;

export type ResponseFor<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;

export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Sends a request to the background worker and checks the shape of its response. */
export async function sendRequest<T extends RequestType>(
  request: RequestOf<T>,
): Promise<ResponseFor<T>> {
  let response: unknown;
  try {
    response = await browser.runtime.sendMessage(request);
  } catch {
    return { ok: false, error: { kind: 'internal' } } as ResponseFor<T>;
  }
  const parsed = responseSchemas[request.type].safeParse(response);
  if (!parsed.success) return { ok: false, error: { kind: 'internal' } } as ResponseFor<T>;
  return parsed.data as ResponseFor<T>;
}

export type Handlers = {
  [T in RequestType]: (request: RequestOf<T>) => Promise<ResponseFor<T>>;
};

/**
 * Returns a `runtime.onMessage` listener that handles only requests that come from this
 * extension's own pages and match the protocol. Anything else gets an `invalid-message` failure.
 */
export function createMessageListener(handlers: Handlers, log: (line: string) => void = console.warn) {
  return (message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> => {
    if (!isOwnExtensionPage(sender)) {
      log(`Rejected a message from outside the extension's pages: ${sender.url ?? sender.id ?? 'unknown sender'}`);
      return Promise.resolve(invalidMessage());
    }
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) {
      log(`Rejected a message that does not match the protocol from ${sender.url}`);
      return Promise.resolve(invalidMessage());
    }
    const request = parsed.data;
    const handler = handlers[request.type] as (request: Request) => Promise<unknown>;
    return handler(request).catch((error: unknown) => {
      log(`Handling ${request.type} failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { kind: 'internal' } };
    });
  };
}

/** Tells whether the sender is a page of this extension (popup, options), not a content script or another extension. */
export function isOwnExtensionPage(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (!sender.url) return false;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  try {
    return new URL(sender.url).origin === extensionOrigin;
  } catch {
    return false;
  }
}

function invalidMessage() {
  return { ok: false, error: { kind: 'invalid-message' } };
}
