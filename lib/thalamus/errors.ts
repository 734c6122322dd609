/**
 * Failures of a Thalamus request, each a kind the UI can explain and the outbox can decide
 * to retry. The error crosses the message boundary as `ThalamusErrorData`, a plain object.
 */
export type ThalamusErrorKind =
  | 'unauthorized' // 401 or 403: the API key is wrong, expired or lacks rights
  | 'not-found' // 404: the base URL does not point at the Thalamus API
  | 'rejected' // 422 or another 4xx: Thalamus rejected the data
  | 'rate-limited' // 429
  | 'server' // 5xx, or 408
  | 'network' // no response: offline, DNS, refused connection, missing host permission
  | 'timeout' // no response within the request timeout
  | 'invalid-response' // a response that is not the documented envelope
  | 'refused'; // 2xx with `success: false`

export interface ThalamusErrorData {
  kind: ThalamusErrorKind;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** The server's own `message`, when the body had one. */
  serverMessage?: string;
  /** Per-field messages from a 422 body, keyed by request field name. */
  fieldErrors?: Record<string, string[]>;
  /** Seconds to wait before retrying, from a `Retry-After` header. */
  retryAfterSeconds?: number;
}

export class ThalamusError extends Error {
  readonly data: ThalamusErrorData;

  constructor(data: ThalamusErrorData) {
    super(describeForLog(data));
    this.name = 'ThalamusError';
    this.data = data;
  }
}

function describeForLog(data: ThalamusErrorData): string {
  const status = data.status === undefined ? '' : ` (HTTP ${data.status})`;
  const message = data.serverMessage ? `: ${data.serverMessage}` : '';
  return `Thalamus request failed, ${data.kind}${status}${message}`;
}
