import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultInjector, type FaultPlan, type FaultRule } from './faults.ts';
import { API_PREFIX, handleRequest, type SandboxState } from './handlers.ts';
import { sendError } from './http.ts';
import { RequestLog, type RequestLogEntry } from './request-log.ts';
import { RecordStore, type StoredRecord } from './store.ts';

export type { FaultPlan, FaultRule } from './faults.ts';
export type { RequestLogEntry } from './request-log.ts';
export type { StoredRecord } from './store.ts';

/** Key of the sandbox unless another is set. It follows the `nerds_<infix>_` key pattern. */
export const DEFAULT_API_KEY = 'nerds_sandbox_0123456789abcdefghijklmnopqrstuv';
export const DEFAULT_PORT = 5319;

export interface SandboxOptions {
  /** TCP port; 0 picks a free one. Defaults to 5319. */
  port?: number;
  /** Interface to listen on. Only loopback is allowed, because the control endpoints have no key. */
  host?: '127.0.0.1';
  /** Bearer key that API requests must send. Defaults to `DEFAULT_API_KEY`. */
  apiKey?: string;
  /** JSON file that records are loaded from at start and written to after each change. */
  dataFile?: string;
  /** Receives one line per API request, per control action and per internal error. */
  log?: (line: string) => void;
}

/** A running sandbox. Every accessor returns copies, so tests cannot change its state by accident. */
export interface Sandbox {
  /** Origin, e.g. `http://127.0.0.1:5319`. */
  readonly url: string;
  /** `${url}/api/v1`, the base URL to configure in the extension. */
  readonly apiBaseUrl: string;
  readonly apiKey: string;
  contacts(): StoredRecord[];
  organizations(): StoredRecord[];
  /** API requests received since start or the last reset, oldest first. */
  requests(): RequestLogEntry[];
  /** Clears records (and the data file), the request log and the faults. */
  reset(): void;
  /** Replaces the active faults. A bare array is a plan with the default seed. */
  setFaults(plan: FaultPlan | FaultRule[]): void;
  clearFaults(): void;
  /** Stops listening, drops open connections and ends pending fault delays. */
  close(): Promise<void>;
}

/** Starts a sandbox of the Thalamus API on 127.0.0.1 and resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (apiKey === '' || apiKey.trim() !== apiKey) {
    throw new Error('The sandbox API key must be non-empty and must not start or end with whitespace.');
  }
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') {
    throw new Error(`The sandbox listens only on 127.0.0.1, not ${String(host)}.`);
  }

  const log = options.log ?? (() => {});
  const store = new RecordStore(options.dataFile);
  const faults = new FaultInjector();
  const requestLog = new RequestLog(apiKey);
  const closing = new AbortController();
  const state: SandboxState = {
    apiKey,
    store,
    faults,
    requestLog,
    log,
    signal: closing.signal,
    reset: () => {
      store.clear();
      requestLog.clear();
      faults.clear();
    },
  };

  const server = createServer((request, response) => {
    handleRequest(state, request, response).catch((error: unknown) => {
      log(`Failed to handle ${request.method ?? ''} ${requestLog.redact(request.url ?? '')}: ${describeError(error)}`);
      if (!response.headersSent && !response.destroyed) {
        sendError(response, 500, 'The sandbox failed to handle the request. Its log has the details.');
      } else {
        response.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log(`Server error: ${describeError(error)}`));

  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;

  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}`,
    apiKey,
    contacts: () => store.list('contact'),
    organizations: () => store.list('organization'),
    requests: () => requestLog.list(),
    reset: state.reset,
    setFaults: (plan) => faults.set(Array.isArray(plan) ? { faults: plan } : plan),
    clearFaults: () => faults.clear(),
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      });
      // Keep-alive sockets would hold `close` open, and Playwright's teardown with it.
      server.closeAllConnections();
      await closed;
    },
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
