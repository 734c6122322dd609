import { describe, expect, it, vi } from 'vitest';
import { parseRetryAfter, upsertContact, upsertOrganization } from '@/lib/thalamus/client';
import { ThalamusError, type ThalamusErrorData } from '@/lib/thalamus/errors';

const BASE_URL = 'https://thalamus.example/api/v1';
const KEY = 'nerds_test_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8';

const RECORD = {
  uuid: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
  external_id: 'C-1',
  name: 'Sanne de Vries',
  email: 'sanne@example.nl',
  status: 'active',
};

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function configWith(response: Response | (() => Promise<Response>)) {
  const fetchMock = vi.fn<typeof fetch>(async () =>
    typeof response === 'function' ? response() : response,
  );
  return { config: { baseUrl: BASE_URL, apiKey: KEY, fetch: fetchMock }, fetchMock };
}

async function errorOf(promise: Promise<unknown>): Promise<ThalamusErrorData> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ThalamusError);
    return (error as ThalamusError).data;
  }
  throw new Error('expected the request to fail');
}

describe('upsertContact request', () => {
  it('posts to the encoded external id with the bearer key', async () => {
    const { config, fetchMock } = configWith(jsonResponse(201, { success: true, data: RECORD }));

    await upsertContact(config, 'C-1/a b', { name: 'Sanne de Vries' });

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`${BASE_URL}/contact/C-1%2Fa%20b`);
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe(`Bearer ${KEY}`);
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(init?.credentials).toBe('omit');
  });

  it('sends only fields that have a value', async () => {
    const { config, fetchMock } = configWith(jsonResponse(200, { success: true, data: RECORD }));

    await upsertContact(config, 'C-1', {
      name: ' Sanne de Vries ',
      email: undefined,
      city: '',
      comment: '   ',
    });

    const body = JSON.parse(String(fetchMock.mock.calls[0]![1]?.body));
    expect(body).toEqual({ name: 'Sanne de Vries' });
  });

  it('trims a trailing slash from the base URL', async () => {
    const { config, fetchMock } = configWith(jsonResponse(200, { success: true, data: RECORD }));

    await upsertOrganization({ ...config, baseUrl: `${BASE_URL}/` }, 'ORG-1', { name: 'Acme' });

    expect(fetchMock.mock.calls[0]![0]).toBe(`${BASE_URL}/organization/ORG-1`);
  });

  it('returns the status, record and message', async () => {
    const { config } = configWith(
      jsonResponse(201, { success: true, data: RECORD, message: 'Contact created' }),
    );

    const result = await upsertContact(config, 'C-1', { name: 'Sanne de Vries' });

    expect(result.status).toBe(201);
    expect(result.record.external_id).toBe('C-1');
    expect(result.message).toBe('Contact created');
  });
});

describe('upsertContact errors', () => {
  const statusCases: Array<[number, ThalamusErrorData['kind']]> = [
    [400, 'rejected'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [408, 'server'],
    [422, 'rejected'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
  ];

  it.each(statusCases)('maps HTTP %i to %s', async (status, kind) => {
    const { config } = configWith(jsonResponse(status, { success: false, message: 'No.' }));

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.serverMessage).toBe('No.');
  });

  it('reads per-field messages from a 422 body', async () => {
    const { config } = configWith(
      jsonResponse(422, {
        message: 'The given data was invalid.',
        errors: { email: ['The email must be a valid email address.'], phone: 'Invalid.' },
      }),
    );

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.fieldErrors).toEqual({
      email: ['The email must be a valid email address.'],
      phone: ['Invalid.'],
    });
  });

  it('reads Retry-After seconds on 429', async () => {
    const { config } = configWith(jsonResponse(429, {}, { 'Retry-After': '30' }));

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.retryAfterSeconds).toBe(30);
  });

  it('maps an HTML error page to a status error without a message', async () => {
    const { config } = configWith(
      new Response('<html><body>Bad gateway</body></html>', { status: 502 }),
    );

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe('server');
    expect(error.serverMessage).toBeUndefined();
  });

  it('maps a 200 that is not JSON to invalid-response', async () => {
    const { config } = configWith(new Response('<html>OK</html>', { status: 200 }));

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe('invalid-response');
  });

  it('maps a 200 without data to invalid-response', async () => {
    const { config } = configWith(jsonResponse(200, { success: true }));

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe('invalid-response');
  });

  it('maps success false with 200 to refused', async () => {
    const { config } = configWith(jsonResponse(200, { success: false, message: 'Quota reached' }));

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe('refused');
    expect(error.serverMessage).toBe('Quota reached');
  });

  it('maps a rejected fetch to network', async () => {
    const { config } = configWith(() => Promise.reject(new TypeError('Failed to fetch')));

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe('network');
  });

  it('maps an expired timeout to timeout', async () => {
    const fetchMock = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const config = { baseUrl: BASE_URL, apiKey: KEY, fetch: fetchMock, timeoutMs: 20 };

    const error = await errorOf(upsertContact(config, 'C-1', { name: 'X' }));

    expect(error.kind).toBe('timeout');
  });

  it('never puts the key in the error message', async () => {
    const { config } = configWith(jsonResponse(401, { message: 'Unauthenticated.' }));

    const promise = upsertContact(config, 'C-1', { name: 'X' });

    await expect(promise).rejects.toThrow(/unauthorized \(HTTP 401\): Unauthenticated\./);
    await expect(promise).rejects.not.toThrow(KEY);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfter('120')).toBe(120);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');

    expect(parseRetryAfter('Fri, 04 Dec 2026 10:01:00 GMT', now)).toBe(60);
  });

  it('ignores a missing or invalid header', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
