/// <reference types="chrome" />
import type { BrowserContext, Worker } from '@playwright/test';
import { fillOutbox, startDrain } from '../outbox-load';
import type { Sandbox } from '../sandbox/server';

export interface UpsertSamples {
  /** From an extension page: the `send-contact` message until the worker's response. */
  throughWorkerMs: number[];
  /** In the worker: one `fetch` of the same upsert request, response body read. */
  rawFetchMs: number[];
}

/**
 * Times one contact upsert sent the way the popup sends it, beside a bare `fetch` of the same
 * request from the worker. The difference is the extension's own cost: message validation,
 * the outbox's storage writes and the response checks. Each run upserts a new contact.
 */
export async function measureUpsert(
  context: BrowserContext,
  worker: Worker,
  extensionId: string,
  sandbox: Sandbox,
  runs: number,
): Promise<UpsertSamples> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const samples: UpsertSamples = { throughWorkerMs: [], rawFetchMs: [] };

  for (let run = 0; run < runs; run++) {
    const body = { name: `Bench Contact ${run}`, email: `bench${run}@upsert.example` };

    samples.throughWorkerMs.push(
      await page.evaluate(async ({ externalId, body }) => {
        const start = performance.now();
        const response = (await chrome.runtime.sendMessage({ type: 'send-contact', externalId, body })) as { ok: boolean };
        const ms = performance.now() - start;
        if (!response?.ok) throw new Error(`The worker did not deliver the contact: ${JSON.stringify(response)}`);
        return ms;
      }, { externalId: `C-bench-worker-${run}`, body }),
    );

    samples.rawFetchMs.push(
      await worker.evaluate(
        async ({ url, apiKey, body }) => {
          const start = performance.now();
          const response = await fetch(url, {
            method: 'POST',
            headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
            body: JSON.stringify(body),
            credentials: 'omit',
            redirect: 'error',
          });
          await response.text();
          const ms = performance.now() - start;
          if (!response.ok) throw new Error(`The raw fetch failed with status ${response.status}.`);
          return ms;
        },
        { url: `${sandbox.apiBaseUrl}/contact/C-bench-fetch-${run}`, apiKey: sandbox.apiKey, body },
      ),
    );
  }
  await page.close();
  return samples;
}

export interface DrainSamples {
  drainMs: number[];
  /** 429 responses from the sandbox in each run. */
  rateLimited: number[];
}

/** Rate-limit fault of the drain benchmark: 3 % of requests get 429 with `Retry-After: 1`. */
export const DRAIN_FAULTS = { seed: 7, faults: [{ kind: 'status' as const, status: 429, retryAfter: 1, rate: 0.03 }] };

/**
 * Times draining `count` queued contacts against the sandbox while it rate-limits, from the
 * moment the drain is started until the outbox is empty. The sandbox is reset before each run.
 */
export async function measureDrain(
  context: BrowserContext,
  worker: Worker,
  sandbox: Sandbox,
  count: number,
  runs: number,
): Promise<DrainSamples> {
  const samples: DrainSamples = { drainMs: [], rateLimited: [] };
  for (let run = 0; run < runs; run++) {
    sandbox.reset();
    await fillOutbox(worker, count);
    sandbox.setFaults(DRAIN_FAULTS);

    const start = performance.now();
    // `fillOutbox` names its items load-0, load-1 and so on.
    await startDrain(context, worker, 'load-0');
    await waitForEmptyOutbox(worker, 600_000);
    samples.drainMs.push(performance.now() - start);

    const stored = sandbox.contacts().length;
    if (stored !== count) throw new Error(`The drain left ${count - stored} of ${count} contacts undelivered.`);
    samples.rateLimited.push(sandbox.requests().filter((request) => request.status === 429).length);
  }
  sandbox.clearFaults();
  return samples;
}

async function waitForEmptyOutbox(worker: Worker, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const length = await worker.evaluate(async () => {
      const { outbox } = await chrome.storage.local.get('outbox');
      return Array.isArray(outbox) ? outbox.length : 0;
    });
    if (length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The outbox was not empty after ${timeoutMs / 1000} s.`);
}
