import { timingSafeEqual } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { type FaultInjector, faultPlanSchema, sendFaultResponse } from './faults.ts';
import { readBody, sendError, sendJson } from './http.ts';
import type { RequestLog, RequestLogEntry } from './request-log.ts';
import type { RecordStore } from './store.ts';
import { type Resource, validateBody, validateExternalId } from './validation.ts';

/** Everything a request handler needs from the running sandbox. */
export interface SandboxState {
  apiKey: string;
  store: RecordStore;
  faults: FaultInjector;
  requestLog: RequestLog;
  log: (line: string) => void;
  /** Aborted when the sandbox closes, which ends pending fault delays. */
  signal: AbortSignal;
  /** Clears records, request log and faults. */
  reset: () => void;
}

export const API_PREFIX = '/api/v1';
export const CONTROL_PREFIX = '/__sandbox';
const PAGES_DIR = fileURLToPath(new URL('./pages/', import.meta.url));
const PAGE_NAME = /^[a-z0-9-]+\.html$/;

const RESOURCE_MESSAGES: Record<Resource, { created: string; updated: string }> = {
  contact: { created: 'Contact created', updated: 'Contact updated' },
  organization: { created: 'Organization created', updated: 'Organization updated' },
};

/** Routes one request to the API, the control endpoints or the sample pages. */
export async function handleRequest(state: SandboxState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://sandbox.invalid').pathname;

  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) {
    await handleApiRequest(state, request, response);
  } else if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
    await handleControlRequest(state, request, response, path);
  } else {
    await handlePageRequest(request, response, path);
  }
}

// ---------------------------------------------------------------------------------------------
// API

interface ApiRoute {
  resource: Resource;
  /** External id decoded from the path, or undefined when its percent-encoding is invalid. */
  externalId: string | undefined;
}

async function handleApiRequest(state: SandboxState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const route = matchApiRoute(request.url ?? '');
  const entry = state.requestLog.add(request, {
    resource: route?.resource ?? null,
    externalId: route?.externalId ?? null,
  });
  const authorization = checkAuthorization(request, state.apiKey);
  entry.authorization = authorization.scheme;
  entry.keyMatched = authorization.keyMatched;
  response.once('close', () => finishEntry(state, entry, response));

  const body = await readBody(request);
  if (body === undefined) {
    sendError(response, 413, 'The request body is larger than 1 MB.');
    return;
  }
  const text = body.toString('utf8');
  const parsed = parseJson(text);
  state.requestLog.setBody(entry, text, parsed);

  const fault = state.faults.pick(route?.resource);
  if (fault !== undefined) {
    entry.fault = fault.kind;
    if (fault.kind !== 'delay') {
      sendFaultResponse(response, fault);
      return;
    }
    // Like a slow server, the sandbox still handles the request after the delay, even when
    // the client has given up waiting.
    try {
      await sleep(fault.ms, undefined, { signal: state.signal });
    } catch {
      return; // The sandbox is closing.
    }
  }

  if (route === undefined) {
    sendError(response, 404, `No API endpoint at ${state.requestLog.redact(request.url ?? '')}. Use POST ${API_PREFIX}/contact/{external_id} or POST ${API_PREFIX}/organization/{external_id}.`);
    return;
  }
  if (request.method !== 'POST') {
    sendError(response, 405, `The ${route.resource} endpoint accepts only POST, not ${request.method ?? ''}.`, { allow: 'POST' });
    return;
  }
  if (authorization.error !== undefined) {
    sendError(response, 401, authorization.error, { 'www-authenticate': 'Bearer' });
    return;
  }
  if (!isJsonContentType(request.headers['content-type'])) {
    sendError(response, 415, 'The request body must be sent with Content-Type: application/json.');
    return;
  }
  if (route.externalId === undefined) {
    sendError(response, 400, 'The external id in the path is not valid percent-encoding. Encode it with encodeURIComponent.');
    return;
  }
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    sendError(response, 400, 'The request body must be a JSON object.');
    return;
  }

  const idErrors = validateExternalId(route.externalId);
  const validation = validateBody(route.resource, parsed.value);
  if (idErrors !== undefined || !validation.ok) {
    const errors = { ...idErrors, ...(validation.ok ? {} : validation.errors) };
    sendJson(response, 422, { success: false, message: 'The given data was invalid.', errors });
    return;
  }

  const { record, created } = state.store.upsert(route.resource, route.externalId, validation.fields);
  const messages = RESOURCE_MESSAGES[route.resource];
  sendJson(response, created ? 201 : 200, {
    success: true,
    data: record,
    message: created ? messages.created : messages.updated,
  });
}

/** Matches `/api/v1/{contact|organization}/{external_id}` on the still-encoded path. */
function matchApiRoute(url: string): ApiRoute | undefined {
  const rawPath = url.split('?')[0] ?? '';
  const segments = rawPath.slice(API_PREFIX.length + 1).split('/');
  const [resource, rawId] = segments;
  if (segments.length !== 2 || (resource !== 'contact' && resource !== 'organization') || !rawId) {
    return undefined;
  }
  try {
    return { resource, externalId: decodeURIComponent(rawId) };
  } catch {
    return { resource, externalId: undefined };
  }
}

interface AuthorizationCheck {
  scheme: RequestLogEntry['authorization'];
  keyMatched: boolean;
  /** Message for the 401 response, or undefined when the key matched. */
  error?: string;
}

// The sandbox responds to a wrong key with 401. The real API may send 403 instead, which the
// `status` fault can simulate.
function checkAuthorization(request: IncomingMessage, apiKey: string): AuthorizationCheck {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    return {
      scheme: 'missing',
      keyMatched: false,
      error: 'The Authorization header is missing. Send Authorization: Bearer <API key>.',
    };
  }

  const match = /^bearer\s+(.*)$/i.exec(header);
  if (match === null) {
    return {
      scheme: 'other-scheme',
      keyMatched: false,
      error: 'The Authorization header must use the Bearer scheme: Authorization: Bearer <API key>.',
    };
  }

  const token = Buffer.from(match[1] ?? '');
  const expected = Buffer.from(apiKey);
  if (token.length === expected.length && timingSafeEqual(token, expected)) {
    return { scheme: 'bearer', keyMatched: true };
  }
  return {
    scheme: 'bearer',
    keyMatched: false,
    error: 'The API key is invalid. Use the key that the sandbox printed when it started.',
  };
}

function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function finishEntry(state: SandboxState, entry: RequestLogEntry, response: ServerResponse): void {
  entry.status = response.writableFinished ? response.statusCode : null;
  const outcome = entry.status === null ? 'no response (connection closed)' : String(entry.status);
  const externalId = entry.externalId === null ? '' : ` external_id=${JSON.stringify(entry.externalId)}`;
  const fault = entry.fault === null ? '' : ` fault=${entry.fault}`;
  state.log(`${entry.method} ${entry.path} ${outcome}${externalId}${fault}`);
}

// ---------------------------------------------------------------------------------------------
// Control endpoints

/**
 * Serves the test controls. They need no API key because the sandbox listens on loopback
 * only. A request must name a loopback host and must not come from another web origin, which
 * keeps web pages in the same browser from reaching them by DNS rebinding or a cross-site post.
 */
async function handleControlRequest(
  state: SandboxState,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const rejection = checkLocalCaller(request);
  if (rejection !== undefined) {
    state.log(`Rejected ${request.method ?? ''} ${path} with 403: ${rejection}`);
    sendError(response, 403, rejection);
    return;
  }

  const endpoint = `${request.method ?? ''} ${path.slice(CONTROL_PREFIX.length)}`;
  switch (endpoint) {
    case 'GET /records':
      sendJson(response, 200, state.store.snapshot());
      return;
    case 'GET /requests':
      sendJson(response, 200, state.requestLog.list());
      return;
    case 'POST /reset':
      state.reset();
      state.log('Reset records, request log and faults.');
      sendJson(response, 200, { success: true, message: 'Sandbox reset' });
      return;
    case 'GET /faults':
      sendJson(response, 200, state.faults.describe());
      return;
    case 'POST /faults':
      await setFaultsFromRequest(state, request, response);
      return;
    case 'DELETE /faults':
      state.faults.clear();
      state.log('Cleared faults.');
      sendJson(response, 200, state.faults.describe());
      return;
  }

  const knownPaths = ['/records', '/requests', '/reset', '/faults'];
  if (knownPaths.includes(path.slice(CONTROL_PREFIX.length))) {
    sendError(response, 405, `${request.method ?? ''} is not supported on ${path}.`);
  } else {
    sendError(response, 404, `No control endpoint at ${path}. See GET / for the list.`);
  }
}

async function setFaultsFromRequest(state: SandboxState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (body === undefined) {
    sendError(response, 413, 'The request body is larger than 1 MB.');
    return;
  }
  const parsed = parseJson(body.toString('utf8'));
  if (!parsed.ok) {
    state.log('Rejected a fault plan that is not JSON with 400.');
    sendError(response, 400, 'The request body must be JSON such as {"faults":[{"kind":"status","status":503,"count":1}]}.');
    return;
  }

  const plan = faultPlanSchema.safeParse(parsed.value);
  if (!plan.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of plan.error.issues) {
      const field = issue.path.join('.') || 'body';
      errors[field] = [...(errors[field] ?? []), issue.message];
    }
    state.log(`Rejected an invalid fault plan with 422: ${JSON.stringify(errors)}`);
    sendJson(response, 422, { success: false, message: 'The fault plan is invalid.', errors });
    return;
  }

  state.faults.set(plan.data);
  state.log(`Set faults: ${JSON.stringify(plan.data)}`);
  sendJson(response, 200, state.faults.describe());
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function checkLocalCaller(request: IncomingMessage): string | undefined {
  const host = request.headers.host?.replace(/:\d+$/, '').toLowerCase();
  if (host === undefined || !LOOPBACK_HOSTS.has(host)) {
    return `Control endpoints accept only loopback host names, not ${JSON.stringify(request.headers.host ?? '')}.`;
  }

  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') {
    return undefined;
  }
  try {
    const url = new URL(origin);
    if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:' || LOOPBACK_HOSTS.has(url.hostname)) {
      return undefined;
    }
  } catch {
    // An unparseable origin is rejected below.
  }
  return `Control endpoints do not accept requests from the web origin ${JSON.stringify(origin)}.`;
}

// ---------------------------------------------------------------------------------------------
// Sample pages

async function handlePageRequest(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const name = pageName(path);
  const pages = await readdir(PAGES_DIR);
  if (name === undefined || !PAGE_NAME.test(name) || !pages.includes(name)) {
    sendError(response, 404, `Not found: ${path}. The sample pages are listed at /.`);
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, `Sample pages accept only GET and HEAD, not ${request.method ?? ''}.`, { allow: 'GET, HEAD' });
    return;
  }

  const html = await readFile(join(PAGES_DIR, name));
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': html.length,
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : html);
}

function pageName(path: string): string | undefined {
  if (path === '/' || path === '/samples' || path === '/samples/') {
    return 'index.html';
  }
  return path.startsWith('/samples/') ? path.slice('/samples/'.length) : undefined;
}
