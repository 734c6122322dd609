import type { ZodMiniType } from 'zod/mini';
import { ThalamusError, type ThalamusErrorData } from './errors';
import {
  errorEnvelopeSchema,
  successEnvelopeSchema,
  type ContactBody,
  type OrganizationBody,
  type UpsertedRecord,
} from './schema';

export const DEFAULT_BASE_URL = 'https://thalamus.nerds.nl/api/v1';
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface ThalamusConfig {
  /** API root including the version, e.g. `https://thalamus.nerds.nl/api/v1`. */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** Injected in tests; defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

export interface UpsertResult {
  /** 201 when Thalamus created the record, 200 when it updated one. */
  status: number;
  record: UpsertedRecord;
  message?: string;
}

/** Creates or updates the contact with this external id. Throws `ThalamusError`. */
export function upsertContact(config: ThalamusConfig, externalId: string, body: ContactBody) {
  return upsert(config, 'contact', externalId, body);
}

/** Creates or updates the organization with this external id. Throws `ThalamusError`. */
export function upsertOrganization(
  config: ThalamusConfig,
  externalId: string,
  body: OrganizationBody,
) {
  return upsert(config, 'organization', externalId, body);
}

async function upsert(
  config: ThalamusConfig,
  resource: 'contact' | 'organization',
  externalId: string,
  body: ContactBody | OrganizationBody,
): Promise<UpsertResult> {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/${resource}/${encodeURIComponent(externalId)}`;
  const response = await send(config, url, withoutEmptyFields(body));
  const payload = await readJson(response);

  if (!response.ok) throw new ThalamusError(errorFromResponse(response, payload));

  const parsed = successEnvelopeSchema.safeParse(payload);
  if (parsed.success) {
    return { status: response.status, record: parsed.data.data, message: parsed.data.message };
  }
  const error = errorEnvelopeSchema.safeParse(payload);
  if (error.success && error.data.success === false) {
    throw new ThalamusError({
      kind: 'refused',
      status: response.status,
      serverMessage: error.data.message,
    });
  }
  throw new ThalamusError({ kind: 'invalid-response', status: response.status });
}

async function send(config: ThalamusConfig, url: string, body: object): Promise<Response> {
  const fetchImpl = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    return await fetchImpl(url, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${config.apiKey}`,
      },
      body: JSON.stringify(body),
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ThalamusError({ kind: timedOut ? 'timeout' : 'network' });
  }
}

/** Parses the body as JSON, or returns `undefined` for an empty or non-JSON body. */
async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFromResponse(response: Response, payload: unknown): ThalamusErrorData {
  const status = response.status;
  const parsed = parseOrUndefined(errorEnvelopeSchema, payload);
  const data: ThalamusErrorData = { kind: kindOfStatus(status), status };

  if (parsed?.message) data.serverMessage = parsed.message;
  if (parsed?.errors) data.fieldErrors = normaliseFieldErrors(parsed.errors);
  if (status === 429 || status === 503) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    if (retryAfter !== undefined) data.retryAfterSeconds = retryAfter;
  }
  return data;
}

function kindOfStatus(status: number): ThalamusErrorData['kind'] {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status === 408 || status >= 500) return 'server';
  return 'rejected';
}

function normaliseFieldErrors(errors: Record<string, string | string[]>) {
  const result: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors)) {
    result[field] = Array.isArray(messages) ? messages : [messages];
  }
  return result;
}

/** Reads `Retry-After` as seconds, from either delay-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);

  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function parseOrUndefined<T>(schema: ZodMiniType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Drops fields without a value, so that a partial capture never blanks data in Thalamus. */
export function withoutEmptyFields<T extends object>(body: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(body) as [keyof T, unknown][]) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    result[key] = (typeof value === 'string' ? value.trim() : value) as T[keyof T];
  }
  return result;
}
