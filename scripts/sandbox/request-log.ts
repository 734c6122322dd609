import type { IncomingMessage } from 'node:http';

import type { FaultKind } from './faults.ts';
import type { Resource } from './validation.ts';

/**
 * One API request as the sandbox received it. The API key never appears in an entry: the
 * `authorization` header is replaced by `Bearer <redacted>` (or `<redacted>` for another
 * scheme), and any other occurrence of the key in the path, headers or body becomes `<redacted>`.
 */
export interface RequestLogEntry {
  /** ISO 8601 time at which the request arrived. */
  time: string;
  method: string;
  /** Path and query string as sent, still URL-encoded. */
  path: string;
  resource: Resource | null;
  /** External id decoded from the path, or null for other paths and invalid encodings. */
  externalId: string | null;
  /** Request headers with lower-case names, multiple values joined by ", ". */
  headers: Record<string, string>;
  /** Whether the request had an `Authorization: Bearer ...` header, another scheme, or none. */
  authorization: 'bearer' | 'other-scheme' | 'missing';
  /** Whether the bearer token equals the sandbox's API key. */
  keyMatched: boolean;
  /** Body parsed as JSON, or undefined when it was empty, too large or not JSON. */
  body: unknown;
  /** Start of the raw body when it was not valid JSON, otherwise null. */
  rawBody: string | null;
  /** Status sent, or null when no response was sent (dropped connection, client gone). */
  status: number | null;
  /** Injected fault, or null. */
  fault: FaultKind | null;
}

const REDACTED = '<redacted>';
/** Bound on the entries kept, so that a long-running sandbox does not grow without limit. */
const MAX_ENTRIES = 10_000;
const MAX_RAW_BODY_CHARS = 1_000;

/** The list of API requests received, with the API key removed from every entry. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly apiKey: string) {}

  /** Creates an entry for a request whose headers have arrived and appends it to the log. */
  add(request: IncomingMessage, route: { resource: Resource | null; externalId: string | null }): RequestLogEntry {
    const entry: RequestLogEntry = {
      time: new Date().toISOString(),
      method: request.method ?? '',
      path: this.redact(request.url ?? ''),
      resource: route.resource,
      externalId: route.externalId === null ? null : this.redact(route.externalId),
      headers: this.redactHeaders(request),
      authorization: 'missing',
      keyMatched: false,
      body: undefined,
      rawBody: null,
      status: null,
      fault: null,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) {
      this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    }
    return entry;
  }

  /** Stores the body in the entry: parsed JSON when possible, otherwise the start of the text. */
  setBody(entry: RequestLogEntry, text: string, parsed: { ok: true; value: unknown } | { ok: false }): void {
    if (parsed.ok) {
      entry.body = this.redactValue(parsed.value);
    } else if (text !== '') {
      entry.rawBody = this.redact(text.slice(0, MAX_RAW_BODY_CHARS));
    }
  }

  /** Returns deep copies, so that callers cannot change the log. */
  list(): RequestLogEntry[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }

  /** Replaces every occurrence of the API key in a string. */
  redact(text: string): string {
    return text.replaceAll(this.apiKey, REDACTED);
  }

  private redactHeaders(request: IncomingMessage): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) {
        continue;
      }
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers[name] = name === 'authorization' ? redactAuthorization(text) : this.redact(text);
    }
    return headers;
  }

  private redactValue(value: unknown): unknown {
    if (typeof value === 'string') {
      return this.redact(value);
    }
    if (Array.isArray(value)) {
      return value.map((item) => this.redactValue(item));
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.redact(key), this.redactValue(item)]),
      );
    }
    return value;
  }
}

function redactAuthorization(value: string): string {
  return /^bearer\s/i.test(value) ? `Bearer ${REDACTED}` : REDACTED;
}
