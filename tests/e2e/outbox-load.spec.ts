/// <reference types="chrome" />
import { fillOutbox, startDrain } from '../../scripts/outbox-load';
import { configureForSandbox, expect, readOutbox, test } from './fixtures';

const CONTACTS = 1_000;

test('1000 queued contacts drain under rate limiting', async ({ context, worker, sandbox }) => {
  test.setTimeout(180_000);
  await configureForSandbox(worker, sandbox);
  const ids = await fillOutbox(worker, CONTACTS);
  // Retry-After 0 keeps the test short; the benchmark uses a realistic wait.
  sandbox.setFaults({ seed: 7, faults: [{ kind: 'status', status: 429, retryAfter: 0, rate: 0.03 }] });

  await startDrain(context, worker, 'load-0');

  await expect.poll(async () => (await readOutbox(worker)).length, { timeout: 150_000, intervals: [1_000] }).toBe(0);
  const stored = sandbox.contacts().map((contact) => contact.external_id).sort();
  expect(stored).toEqual([...ids].sort());
  const rateLimited = sandbox.requests().filter((request) => request.status === 429).length;
  expect(rateLimited).toBeGreaterThan(0);
  expect(sandbox.requests().filter((request) => request.status === 201)).toHaveLength(CONTACTS);
});
