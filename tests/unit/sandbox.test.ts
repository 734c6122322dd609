// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { parseFaultSpec } from '../../scripts/sandbox/faults.ts';
import { type Sandbox, startSandbox } from '../../scripts/sandbox/server.ts';

const KEY = 'nerds_test_k3y0123456789abcdefghijklmnopqr';

let sandbox: Sandbox;
let logLines: string[];

beforeEach(async () => {
  logLines = [];
  sandbox = await startSandbox({ port: 0, apiKey: KEY, log: (line) => logLines.push(line) });
});

afterEach(async () => {
  await sandbox.close();
});

interface PostOptions {
  key?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Posts a JSON body (or a raw string) to a path under the API base URL. */
function post(path: string, body: unknown, options: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) {
    headers.authorization = `Bearer ${key}`;
  }
  return fetch(`${sandbox.apiBaseUrl}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: options.signal,
  });
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

describe('sandbox authentication', () => {
  it('rejects a request without key', async () => {
    const response = await post('/contact/C-1', { name: 'Ann' }, { key: null });

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    const body = await json(response);
    expect(body.success).toBe(false);
    expect(body.message).toMatch(/Authorization header is missing/);
    expect(sandbox.contacts()).toEqual([]);
  });

  it('rejects a wrong key with 401', async () => {
    const response = await post('/contact/C-1', { name: 'Ann' }, { key: 'nerds_test_wrong' });

    expect(response.status).toBe(401);
    expect((await json(response)).message).toMatch(/API key is invalid/);
    expect(sandbox.contacts()).toEqual([]);
  });

  it('rejects a scheme other than Bearer', async () => {
    const response = await post('/contact/C-1', {}, { key: null, headers: { authorization: `Token ${KEY}` } });

    expect(response.status).toBe(401);
    expect((await json(response)).message).toMatch(/Bearer scheme/);
  });

  it('records whether the key matched', async () => {
    await post('/contact/C-1', {}, { key: null });
    await post('/contact/C-1', {}, { key: 'nerds_test_wrong' });
    await post('/contact/C-1', {});

    const requests = sandbox.requests();
    expect(requests.map((entry) => entry.authorization)).toEqual(['missing', 'bearer', 'bearer']);
    expect(requests.map((entry) => entry.keyMatched)).toEqual([false, false, true]);
    expect(requests[2]?.headers.authorization).toBe('Bearer <redacted>');
  });
});

describe('sandbox routing', () => {
  it.each([
    '/contacts/C-1',
    '/contact',
    '/contact/',
    '/contact/C-1/extra',
    '/ticket/T-1',
  ])('returns 404 for %s', async (path) => {
    const response = await post(path, {});

    expect(response.status).toBe(404);
    expect((await json(response)).success).toBe(false);
  });

  it('returns 404 for unknown paths outside the API', async () => {
    const response = await fetch(`${sandbox.url}/favicon.ico`);

    expect(response.status).toBe(404);
    expect((await json(response)).success).toBe(false);
  });

  it('returns 405 for GET on an endpoint', async () => {
    const response = await fetch(`${sandbox.apiBaseUrl}/contact/C-1`, { headers: { authorization: `Bearer ${KEY}` } });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await json(response)).success).toBe(false);
  });

  it('returns 415 without a JSON content type', async () => {
    const response = await post('/contact/C-1', '{"name":"Ann"}', { headers: { 'content-type': 'text/plain' } });

    expect(response.status).toBe(415);
  });

  it('accepts a JSON content type with charset', async () => {
    const response = await post('/contact/C-1', { name: 'Ann' }, { headers: { 'content-type': 'application/json; charset=utf-8' } });

    expect(response.status).toBe(201);
  });

  it.each([
    ['invalid JSON', '{"name":'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"Ann"'],
    ['an empty body', ''],
  ])('returns 400 for %s', async (_case, body) => {
    const response = await post('/contact/C-1', body);

    expect(response.status).toBe(400);
    expect((await json(response)).message).toMatch(/JSON object/);
  });

  it('returns 413 for a body over 1 MB', async () => {
    const response = await post('/contact/C-1', { comment: 'x'.repeat(1024 * 1024) });

    expect(response.status).toBe(413);
    expect((await json(response)).success).toBe(false);
    expect(sandbox.contacts()).toEqual([]);
  });
});

describe('sandbox validation', () => {
  it('returns 422 with per-field errors', async () => {
    const response = await post('/contact/C-1', {
      name: 'Ann',
      email: 'not-an-email',
      phone: '020 123 4567',
      country: 'Netherlands',
      jobTitle: 'Buyer',
    });

    expect(response.status).toBe(422);
    const body = await json(response);
    expect(body.success).toBe(false);
    expect(body.message).toBe('The given data was invalid.');
    const errors = body.errors as Record<string, string[]>;
    expect(Object.keys(errors).sort()).toEqual(['country', 'email', 'jobTitle', 'phone']);
    expect(errors.email).toEqual(['The email field must be a valid email address.']);
    expect(errors.phone?.[0]).toMatch(/E\.164/);
    expect(errors.country?.[0]).toMatch(/alpha-2/);
    expect(errors.jobTitle?.[0]).toMatch(/not accepted/);
    expect(sandbox.contacts()).toEqual([]);
  });

  it.each([
    ['status', null, /must be a string\./],
    ['external_organization_id', null, /must be a string\./],
    ['name', 42, /must be a string or null/],
    ['name', '', /must not be empty/],
    ['zip', 'x'.repeat(33), /longer than 32/],
    ['created_at', 'yesterday', /ISO 8601/],
  ])('rejects %s = %j', async (field, value, message) => {
    const response = await post('/contact/C-1', { [field]: value });

    expect(response.status).toBe(422);
    const errors = (await json(response)).errors as Record<string, string[]>;
    expect(errors[field]?.[0]).toMatch(message);
  });

  it('rejects contact-only fields on organizations', async () => {
    const response = await post('/organization/ORG-1', { external_organization_id: 'ORG-2' });

    expect(response.status).toBe(422);
    const errors = (await json(response)).errors as Record<string, string[]>;
    expect(errors.external_organization_id?.[0]).toMatch(/not accepted by the organization endpoint/);
  });

  it('rejects an external id over 255 characters', async () => {
    const response = await post(`/contact/${'a'.repeat(256)}`, {});

    expect(response.status).toBe(422);
    expect(((await json(response)).errors as Record<string, string[]>).external_id).toBeDefined();
  });

  it('rejects an external id with surrounding whitespace', async () => {
    const response = await post(`/contact/${encodeURIComponent(' C-1')}`, {});

    expect(response.status).toBe(422);
    expect(((await json(response)).errors as Record<string, string[]>).external_id?.[0]).toMatch(/whitespace/);
  });

  it('returns 400 for invalid percent-encoding', async () => {
    const response = await post('/contact/C%E0%A4%A', {});

    expect(response.status).toBe(400);
    expect((await json(response)).message).toMatch(/percent-encoding/);
  });
});

describe('sandbox upsert', () => {
  it('creates a contact with 201 and the documented envelope', async () => {
    const response = await post('/contact/C-10042', {
      external_organization_id: 'ORG-5001',
      name: 'John Doe',
      email: 'john@example.com',
      phone: '+31612345678',
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await json(response);
    expect(body.success).toBe(true);
    expect(body.message).toBe('Contact created');
    const data = body.data as Record<string, unknown>;
    expect(data.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(data).toMatchObject({
      external_id: 'C-10042',
      name: 'John Doe',
      email: 'john@example.com',
      phone: '+31612345678',
      external_organization_id: 'ORG-5001',
      status: 'active',
      address: null,
      city: null,
    });
    expect(data.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(data.updated_at).toBe(data.created_at);
    expect(sandbox.contacts()).toEqual([data]);
  });

  it('updates only the fields sent, with 200', async () => {
    const created = await json(
      await post('/contact/C-1', { name: 'Ann de Wit', email: 'ann@example.com', city: 'Utrecht', status: 'lead' }),
    );

    const response = await post('/contact/C-1', { phone: '+31201234567', city: 'Amsterdam' });

    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body.message).toBe('Contact updated');
    const before = created.data as Record<string, unknown>;
    const after = body.data as Record<string, unknown>;
    expect(after).toEqual({ ...before, phone: '+31201234567', city: 'Amsterdam', updated_at: after.updated_at });
    expect(after.status).toBe('lead');
    expect(sandbox.contacts()).toHaveLength(1);
  });

  it('clears a field sent as null', async () => {
    await post('/contact/C-1', { name: 'Ann', email: 'ann@example.com' });

    const response = await post('/contact/C-1', { email: null });

    const data = (await json(response)).data as Record<string, unknown>;
    expect(data.email).toBeNull();
    expect(data.name).toBe('Ann');
  });

  it('keeps timestamps that the client sends', async () => {
    const response = await post('/contact/C-1', { created_at: '2023-11-07T05:31:56Z', updated_at: null });

    const data = (await json(response)).data as Record<string, unknown>;
    expect(data.created_at).toBe('2023-11-07T05:31:56Z');
    expect(data.updated_at).not.toBeNull();
  });

  it('upserts organizations separately from contacts', async () => {
    const created = await post('/organization/ORG-5001', { name: 'Kanaalzicht Architecten B.V.', country: 'NL' });
    const updated = await post('/organization/ORG-5001', { city: 'Amsterdam' });

    expect(created.status).toBe(201);
    expect((await json(created)).message).toBe('Organization created');
    expect(updated.status).toBe(200);
    const body = await json(updated);
    expect(body.message).toBe('Organization updated');
    expect(body.data).toMatchObject({ external_id: 'ORG-5001', name: 'Kanaalzicht Architecten B.V.', city: 'Amsterdam' });
    expect(body.data).not.toHaveProperty('external_organization_id');
    expect(sandbox.organizations()).toHaveLength(1);
    expect(sandbox.contacts()).toEqual([]);
  });

  it('decodes URL-encoded external ids', async () => {
    const externalId = 'C/42 ü&?#%';

    const response = await post(`/contact/${encodeURIComponent(externalId)}`, { name: 'Ann' });

    expect(response.status).toBe(201);
    expect(((await json(response)).data as Record<string, unknown>).external_id).toBe(externalId);
    expect(sandbox.contacts()[0]?.external_id).toBe(externalId);
    expect(sandbox.requests()[0]?.externalId).toBe(externalId);
  });

  it('returns copies that callers cannot change', async () => {
    await post('/contact/C-1', { name: 'Ann' });

    const contact = sandbox.contacts()[0];
    if (contact) contact.name = 'Changed';

    expect(sandbox.contacts()[0]?.name).toBe('Ann');
  });
});

describe('sandbox faults', () => {
  it.each([500, 502, 503, 408, 401, 403, 404])('returns status %i for the next request', async (status) => {
    sandbox.setFaults([{ kind: 'status', status, count: 1 }]);

    const faulted = await post('/contact/C-1', { name: 'Ann' });
    const normal = await post('/contact/C-1', { name: 'Ann' });

    expect(faulted.status).toBe(status);
    expect((await json(faulted)).success).toBe(false);
    expect(normal.status).toBe(201);
    expect(sandbox.requests().map((entry) => entry.fault)).toEqual(['status', null]);
  });

  it('sends Retry-After with 429', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 429, retryAfter: 12, count: 1 },
      { kind: 'status', status: 429, count: 1 },
    ]);

    const first = await post('/contact/C-1', {});
    const second = await post('/contact/C-1', {});

    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('12');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('5');
  });

  it('sends per-field errors with 422', async () => {
    sandbox.setFaults([{ kind: 'status', status: 422, errors: { phone: ['The phone is blocked.'] }, count: 1 }]);

    const response = await post('/contact/C-1', { phone: '+31201234567' });

    expect(response.status).toBe(422);
    expect(await json(response)).toEqual({
      success: false,
      message: 'The given data was invalid.',
      errors: { phone: ['The phone is blocked.'] },
    });
    expect(sandbox.contacts()).toEqual([]);
  });

  it('delays past a client timeout, then writes the record', async () => {
    sandbox.setFaults([{ kind: 'delay', ms: 400, count: 1 }]);

    const attempt = post('/contact/C-1', { name: 'Ann' }, { signal: AbortSignal.timeout(100) });

    await expect(attempt).rejects.toThrow(/timeout|aborted/i);
    expect(sandbox.contacts()).toEqual([]);
    await expect.poll(() => sandbox.contacts().length, { timeout: 2000 }).toBe(1);
  });

  it('sends an HTML error page', async () => {
    sandbox.setFaults([{ kind: 'html', count: 1 }]);

    const response = await post('/contact/C-1', {});

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('<title>502 Bad Gateway</title>');
  });

  it('sends a body that is not JSON', async () => {
    sandbox.setFaults([{ kind: 'not-json', count: 1 }]);

    const response = await post('/contact/C-1', {});

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('sends success false with 200', async () => {
    sandbox.setFaults([{ kind: 'success-false', count: 1 }]);

    const response = await post('/contact/C-1', { name: 'Ann' });

    expect(response.status).toBe(200);
    expect((await json(response)).success).toBe(false);
    expect(sandbox.contacts()).toEqual([]);
  });

  it('drops the connection', async () => {
    sandbox.setFaults([{ kind: 'drop', count: 1 }]);

    await expect(post('/contact/C-1', { name: 'Ann' })).rejects.toThrow(TypeError);

    await expect.poll(() => sandbox.requests()[0]?.status).toBeNull();
    expect(sandbox.requests()[0]?.fault).toBe('drop');
    expect(sandbox.contacts()).toEqual([]);
  });

  it('applies a rule to its resource only', async () => {
    sandbox.setFaults([{ kind: 'status', status: 503, resource: 'organization' }]);

    const contact = await post('/contact/C-1', {});
    const organization = await post('/organization/ORG-1', {});

    expect(contact.status).toBe(201);
    expect(organization.status).toBe(503);
  });

  it('repeats rate-based faults for the same seed', async () => {
    const runFaulted = async (): Promise<boolean[]> => {
      sandbox.setFaults({ seed: 42, faults: [{ kind: 'status', status: 503, rate: 0.5 }] });
      const faulted: boolean[] = [];
      for (let index = 0; index < 20; index += 1) {
        faulted.push((await post('/contact/C-1', {})).status === 503);
      }
      return faulted;
    };

    const first = await runFaulted();
    const second = await runFaulted();

    expect(second).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
  });

  it('never fires at rate 0 and always at rate 1', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 500, rate: 0 },
      { kind: 'status', status: 503, rate: 1 },
    ]);

    const statuses = await Promise.all([1, 2, 3].map(() => post('/contact/C-1', {}).then((r) => r.status)));

    expect(statuses).toEqual([503, 503, 503]);
  });

  it('clears faults', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500 }]);
    sandbox.clearFaults();

    expect((await post('/contact/C-1', {})).status).toBe(201);
  });

  it('rejects an invalid plan', () => {
    expect(() => sandbox.setFaults([{ kind: 'status', status: 200 }])).toThrow();
    expect(() => sandbox.setFaults([{ kind: 'delay', ms: 10, rate: 2 }])).toThrow();
  });
});

describe('sandbox fault specs', () => {
  it.each([
    ['status=503,count=2', { kind: 'status', status: 503, count: 2 }],
    ['status=429,retry-after=10', { kind: 'status', status: 429, retryAfter: 10 }],
    ['delay=15000,rate=0.5', { kind: 'delay', ms: 15000, rate: 0.5 }],
    ['html', { kind: 'html' }],
    ['html=500', { kind: 'html', status: 500 }],
    ['not-json', { kind: 'not-json' }],
    ['success-false,resource=contact', { kind: 'success-false', resource: 'contact' }],
    ['drop,count=1', { kind: 'drop', count: 1 }],
  ])('parses %s', (spec, expected) => {
    expect(parseFaultSpec(spec)).toEqual(expected);
  });

  it.each([
    ['boom', /unknown kind/],
    ['status', /status needs a number/],
    ['status=200', /Invalid fault/],
    ['drop,every=2', /unknown option/],
    ['delay=10,rate=1.5', /Invalid fault/],
    ['html,resource=ticket', /Invalid fault/],
  ])('rejects %s', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('sandbox control endpoints', () => {
  it('sets and clears faults over HTTP', async () => {
    const set = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seed: 3, faults: [{ kind: 'status', status: 503, count: 1 }] }),
    });

    expect(set.status).toBe(200);
    expect(await json(set)).toEqual({
      seed: 3,
      faults: [{ kind: 'status', status: 503, count: 1, remaining: 1 }],
    });
    expect((await post('/contact/C-1', {})).status).toBe(503);

    sandbox.setFaults([{ kind: 'status', status: 500 }]);
    const cleared = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' });

    expect(cleared.status).toBe(200);
    expect((await post('/contact/C-1', {})).status).toBe(201);
  });

  it('returns 422 for an invalid fault plan', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ kind: 'explode' }] }),
    });

    expect(response.status).toBe(422);
    expect((await json(response)).success).toBe(false);
  });

  it('lists records and resets them', async () => {
    await post('/contact/C-1', { name: 'Ann' });
    await post('/organization/ORG-1', { name: 'Acme' });

    const records = await json(await fetch(`${sandbox.url}/__sandbox/records`));
    expect((records.contacts as unknown[]).length).toBe(1);
    expect((records.organizations as unknown[]).length).toBe(1);

    sandbox.setFaults([{ kind: 'status', status: 500, resource: 'organization' }]);
    const reset = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });

    expect(reset.status).toBe(200);
    expect(sandbox.contacts()).toEqual([]);
    expect(sandbox.organizations()).toEqual([]);
    expect(sandbox.requests()).toEqual([]);
    expect((await post('/organization/ORG-1', {})).status).toBe(201);
  });

  it('serves the request log', async () => {
    await post('/contact/C-1', { name: 'Ann' });

    const requests = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as unknown[];

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', externalId: 'C-1', status: 201, body: { name: 'Ann' } });
  });

  it('needs no API key', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/faults`);

    expect(response.status).toBe(200);
  });

  it('rejects requests from another web origin', async () => {
    const response = await fetch(`${sandbox.url}/__sandbox/reset`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });

    expect(response.status).toBe(403);
  });

  it('rejects a host name that is not loopback', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const request = httpRequest(`${sandbox.url}/__sandbox/records`, { headers: { host: 'rebound.example:80' } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      });
      request.on('error', reject);
      request.end();
    });

    expect(status).toBe(403);
  });

  it('does not count control requests as API requests', async () => {
    await fetch(`${sandbox.url}/__sandbox/records`);

    expect(sandbox.requests()).toEqual([]);
  });
});

describe('sandbox request log', () => {
  it('never contains the API key', async () => {
    await post('/contact/C-1', { name: 'Ann', comment: `pasted ${KEY} here` });
    await post(`/contact/${KEY}`, {});
    await post('/contact/C-2', {}, { headers: { 'x-api-key': KEY } });
    await post('/contact/C-3', `not json ${KEY}`);
    await post('/contact/C-4', {}, { key: null, headers: { authorization: KEY } });
    await post('/unknown', {});

    const serialized = JSON.stringify(sandbox.requests());
    expect(sandbox.requests()).toHaveLength(6);
    expect(serialized).not.toContain(KEY);
    expect(serialized).toContain('<redacted>');
    expect(logLines).toHaveLength(6);
    expect(logLines.join('\n')).not.toContain(KEY);
  });

  it('stores method, path, body and status', async () => {
    await post('/contact/C%2F1?debug=1', { name: 'Ann' });

    const [entry] = sandbox.requests();
    expect(entry).toMatchObject({
      method: 'POST',
      path: '/api/v1/contact/C%2F1?debug=1',
      resource: 'contact',
      externalId: 'C/1',
      body: { name: 'Ann' },
      rawBody: null,
      status: 201,
      fault: null,
    });
    expect(entry?.headers['content-type']).toBe('application/json');
  });

  it('logs one line per API request', async () => {
    await post('/contact/C-1', { name: 'Ann' });

    expect(logLines).toEqual(['POST /api/v1/contact/C-1 201 external_id="C-1"']);
  });
});

describe('sandbox data file', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'thalamus-sandbox-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('persists records across restarts', async () => {
    const dataFile = join(directory, 'records.json');
    const first = await startSandbox({ port: 0, apiKey: KEY, dataFile });
    const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
    await fetch(`${first.apiBaseUrl}/contact/C-1`, { method: 'POST', headers, body: '{"name":"Ann"}' });
    await fetch(`${first.apiBaseUrl}/organization/ORG-1`, { method: 'POST', headers, body: '{"name":"Acme"}' });
    await first.close();

    const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as { contacts: unknown[]; organizations: unknown[] };
    const second = await startSandbox({ port: 0, apiKey: KEY, dataFile });
    const update = await fetch(`${second.apiBaseUrl}/contact/C-1`, { method: 'POST', headers, body: '{"city":"Delft"}' });
    await second.close();

    expect(saved.contacts).toHaveLength(1);
    expect(saved.organizations).toHaveLength(1);
    expect(update.status).toBe(200);
    expect(((await update.json()) as { data: Record<string, unknown> }).data).toMatchObject({ name: 'Ann', city: 'Delft' });
    expect(second.contacts()[0]).toMatchObject({ name: 'Ann', city: 'Delft' });
  });

  it('writes the empty state on reset', async () => {
    const dataFile = join(directory, 'records.json');
    writeFileSync(dataFile, JSON.stringify({ contacts: [], organizations: [] }));
    const instance = await startSandbox({ port: 0, apiKey: KEY, dataFile });
    await fetch(`${instance.apiBaseUrl}/contact/C-1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: '{}',
    });

    instance.reset();
    await instance.close();

    expect(JSON.parse(readFileSync(dataFile, 'utf8'))).toEqual({ contacts: [], organizations: [] });
  });

  it('rejects an unreadable data file', async () => {
    const dataFile = join(directory, 'records.json');
    writeFileSync(dataFile, '{"contacts": [');

    await expect(startSandbox({ port: 0, dataFile })).rejects.toThrow(/Failed to load sandbox data/);
    expect(readFileSync(dataFile, 'utf8')).toBe('{"contacts": [');
  });
});

describe('sandbox sample pages', () => {
  const pages = ['gmail.html', 'outlook.html', 'linkedin.html', 'company.html', 'index.html'];

  async function loadPage(name: string): Promise<Document> {
    const response = await fetch(`${sandbox.url}/samples/${name}`);
    expect(response.status).toBe(200);
    const window = new Window({ url: `${sandbox.url}/samples/${name}` });
    window.document.write(await response.text());
    return window.document as unknown as Document;
  }

  it.each(pages)('serves %s as UTF-8 HTML without scripts or external resources', async (name) => {
    const response = await fetch(`${sandbox.url}/samples/${name}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/i);
    expect(html).not.toMatch(/<(iframe|img|object|embed)\b/i);
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts.every((tag) => tag.includes('application/ld+json'))).toBe(true);
  });

  it('serves the index at the root', async () => {
    const response = await fetch(`${sandbox.url}/`);

    expect(response.status).toBe(200);
    const html = await response.text();
    for (const page of pages.filter((name) => name !== 'index.html')) {
      expect(html).toContain(`href="/samples/${page}"`);
    }
  });

  it('returns 404 for missing pages and path traversal', async () => {
    expect((await fetch(`${sandbox.url}/samples/missing.html`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/samples/..%2Fserver.ts`)).status).toBe(404);
  });

  it('shapes the Gmail sample like Gmail', async () => {
    const document = await loadPage('gmail.html');

    expect(document.querySelector('h2.hP')?.textContent).toBe('Re: Offerte verbouwing kantoor Houthavens');
    const senders = [...document.querySelectorAll('.gD[email][name]')].map((span) => span.getAttribute('email'));
    expect(senders).toEqual(['sanne@bakkerinterieur.example', 'lotte.vandenberg@kanaalzicht-architecten.example']);
    expect(document.querySelector('a.gb_B')?.getAttribute('aria-label')).toContain('sanne@bakkerinterieur.example');
    const latestBody = document.querySelector('.a3s');
    expect(latestBody?.querySelector('.gmail_quote')?.textContent).toContain('Sanne Bakker');
    const signature = latestBody?.firstElementChild?.textContent ?? '';
    for (const line of [
      'Lotte van den Berg',
      'Projectleider renovatie',
      'Kanaalzicht Architecten B.V.',
      'Houthavenkade 18',
      '1013 BJ Amsterdam',
      'Tel.: +31 (0)20 794 3150',
      'Mobiel: 06 4217 8830',
      'E-mail: lotte.vandenberg@kanaalzicht-architecten.example',
      'Web: www.kanaalzicht-architecten.example',
    ]) {
      expect(signature).toContain(line);
    }
  });

  it('shows the Outlook sender as Last, First', async () => {
    const document = await loadPage('outlook.html');

    const sender = document.querySelector('[role="main"] [aria-label^="From:"]');
    expect(sender?.textContent).toBe('De Vries, Maarten');
    expect(sender?.getAttribute('title')).toBe('m.devries@hoogland-installatie.example');
    expect(document.querySelector('#mectrl_currentAccount_secondary')?.textContent).toBe('sanne@bakkerinterieur.example');
    expect(document.querySelector('[aria-label="Message body"]')?.textContent).toContain('T +31 30 288 1045');
  });

  it('gives the LinkedIn sample a current position', async () => {
    const document = await loadPage('linkedin.html');

    expect(document.querySelector('h1')?.textContent).toBe('Lotte van den Berg');
    expect(document.querySelector('.text-body-medium')?.textContent?.trim()).toMatch(/^Projectleider renovatie bij Kanaalzicht/);
    const positions = [...document.querySelectorAll('#experience ~ ul > li')];
    expect(positions).toHaveLength(2);
    expect(positions[0]?.textContent).toContain('Present');
    expect(positions[0]?.textContent).toContain('Kanaalzicht Architecten');
  });

  it('describes a Person in the company sample JSON-LD', async () => {
    const document = await loadPage('company.html');

    const data = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}') as Record<string, unknown>;
    expect(data['@type']).toBe('Person');
    expect(data.name).toBe('Joost Hendriks');
    expect(document.querySelector('a[href="mailto:joost.hendriks@kanaalzicht-architecten.example"]')).not.toBeNull();
    expect(document.querySelector('a[href="tel:+31207943162"]')).not.toBeNull();
  });
});

describe('sandbox lifecycle', () => {
  it('closes while a keep-alive connection is open', async () => {
    const instance = await startSandbox({ port: 0, apiKey: KEY });
    await fetch(`${instance.url}/`, { keepalive: true }).then((response) => response.text());

    const started = Date.now();
    await instance.close();

    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('closes while a fault delay is pending', async () => {
    const instance = await startSandbox({ port: 0, apiKey: KEY });
    instance.setFaults([{ kind: 'delay', ms: 60_000 }]);
    const pending = fetch(`${instance.apiBaseUrl}/contact/C-1`, { method: 'POST', body: '{}' }).catch(() => 'failed');
    await expect.poll(() => instance.requests().length).toBe(1);

    await instance.close();

    expect(await pending).toBe('failed');
    expect(instance.contacts()).toEqual([]);
  });

  it('listens on 127.0.0.1', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.apiBaseUrl).toBe(`${sandbox.url}/api/v1`);
  });
});
