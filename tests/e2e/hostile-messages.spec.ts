/// <reference types="chrome" />
import type { Worker } from '@playwright/test';
import { configureForSandbox, expect, openPopupOnGmail, SAMPLE_ADDRESSES, tabIdOf, test } from './fixtures';

// Messages that would read or change the key, or send a contact, if the worker handled them.
const HOSTILE_MESSAGES = [
  { type: 'get-key-status' },
  { type: 'set-api-key', apiKey: 'x' },
  { type: 'send-contact', externalId: 'C-1', body: { name: 'Mallory' } },
];

const INVALID_MESSAGE = { ok: false, error: { kind: 'invalid-message' } };

// Time given to anything a message might have started (a send, a storage write) before the
// test checks that nothing happened. A rejected send returns its response before this.
const SETTLE_MS = 1_000;

interface ReceivedMessage {
  event: 'onMessage' | 'onMessageExternal' | 'onConnectExternal';
  senderUrl?: string;
  message?: unknown;
}

/**
 * Adds listeners to the worker that record every message and external connection it receives,
 * next to the extension's own listener. They return nothing, so the extension's listener still
 * sends the response.
 */
async function recordWorkerMessages(worker: Worker) {
  await worker.evaluate(() => {
    const received: ReceivedMessage[] = [];
    (globalThis as { receivedMessages?: ReceivedMessage[] }).receivedMessages = received;
    chrome.runtime.onMessage.addListener((message, sender) => {
      received.push({ event: 'onMessage', senderUrl: sender.url, message });
    });
    chrome.runtime.onMessageExternal.addListener((message, sender) => {
      received.push({ event: 'onMessageExternal', senderUrl: sender.url, message });
    });
    chrome.runtime.onConnectExternal.addListener((port) => {
      received.push({ event: 'onConnectExternal', senderUrl: port.sender?.url });
    });
  });
}

function receivedMessages(worker: Worker) {
  return worker.evaluate(() => (globalThis as { receivedMessages?: ReceivedMessage[] }).receivedMessages ?? []);
}

/** Reads all of `storage.local` in the worker. */
function readStorage(worker: Worker) {
  return worker.evaluate(() => chrome.storage.local.get(null));
}

test('web page cannot message the worker', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  await recordWorkerMessages(worker);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/company.html`);
  const storedBefore = await readStorage(worker);

  const outcome = await page.evaluate(async (extensionId) => {
    type PageRuntime = {
      sendMessage?: (id: string, message: unknown, callback: (response: unknown) => void) => void;
      lastError?: { message?: string };
    };
    const runtime = (globalThis as { chrome?: { runtime?: PageRuntime } }).chrome?.runtime;
    const sendMessage = runtime?.sendMessage;
    if (typeof sendMessage !== 'function') return 'no runtime.sendMessage';
    return new Promise<string>((resolve) => {
      setTimeout(() => resolve('no answer'), 2_000);
      try {
        sendMessage(extensionId, { type: 'get-key-status' }, (response) => {
          const error = runtime?.lastError;
          resolve(error ? `failed: ${error.message}` : `answered: ${JSON.stringify(response)}`);
        });
      } catch (error) {
        resolve(`threw: ${String(error)}`);
      }
    });
  }, extensionId);
  await page.waitForTimeout(SETTLE_MS);

  expect(outcome).not.toMatch(/^answered/);
  expect(await receivedMessages(worker)).toEqual([]);
  expect(await readStorage(worker)).toEqual(storedBefore);
  expect(sandbox.requests()).toEqual([]);
});

test('injected content script gets invalid-message', async ({ context, worker, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/company.html`);
  const tabId = await tabIdOf(worker, page.url());
  const storedBefore = await readStorage(worker);
  const workerLines: string[] = [];
  worker.on('console', (message) => workerLines.push(message.text()));

  const [injection] = await worker.evaluate(
    ({ tabId, messages }) =>
      chrome.scripting.executeScript({
        target: { tabId },
        func: async (messages: unknown[]) => {
          const responses: unknown[] = [];
          for (const message of messages) {
            try {
              responses.push(await chrome.runtime.sendMessage(message));
            } catch (error) {
              responses.push(`failed: ${String(error)}`);
            }
          }
          return responses;
        },
        args: [messages],
      }),
    { tabId, messages: HOSTILE_MESSAGES },
  );
  await page.waitForTimeout(SETTLE_MS);

  const responses = injection?.result as unknown[];
  expect(responses).toHaveLength(HOSTILE_MESSAGES.length);
  for (const response of responses) expect(response).toEqual(INVALID_MESSAGE);
  const stored = await readStorage(worker);
  expect(stored.apiKey).toBe(sandbox.apiKey);
  expect(stored).toEqual(storedBefore);
  expect(sandbox.requests()).toEqual([]);
  // The listener logs each rejection, which shows the messages reached it and were turned away.
  const rejections = workerLines.filter((line) => line.startsWith("Rejected a message from outside the extension's pages"));
  expect(rejections).toHaveLength(HOSTILE_MESSAGES.length);
});

test('page postMessage changes nothing', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  // The popup runs the capture script in the Gmail tab first, so its isolated world exists
  // while the page posts.
  const popup = await openPopupOnGmail(context, worker, extensionId);
  const mail = context.pages().find((page) => page.url() === SAMPLE_ADDRESSES.gmail);
  if (!mail) throw new Error(`No page is open at ${SAMPLE_ADDRESSES.gmail}`);
  await recordWorkerMessages(worker);
  const storedBefore = await readStorage(worker);

  await mail.evaluate(
    ({ messages, extensionId }) => {
      for (const message of messages) {
        window.postMessage(message, '*');
        window.postMessage({ ...message, extensionId }, '*');
        window.postMessage(JSON.stringify(message), '*');
        window.dispatchEvent(new CustomEvent(message.type, { detail: message }));
      }
    },
    { messages: HOSTILE_MESSAGES, extensionId },
  );
  await mail.waitForTimeout(SETTLE_MS);

  const fromOutside = (await receivedMessages(worker)).filter(
    (received) => !received.senderUrl?.startsWith(`chrome-extension://${extensionId}/`),
  );
  expect(fromOutside).toEqual([]);
  expect(await readStorage(worker)).toEqual(storedBefore);
  expect(sandbox.requests()).toEqual([]);
  await expect(popup.page.getByRole('button', { name: 'Send to Thalamus' })).toBeEnabled();
});

test('own page gets invalid-message for malformed requests', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const storedBefore = await readStorage(worker);

  const malformed: Record<string, unknown> = {
    'empty external id and body': { type: 'send-contact', externalId: '', body: {} },
    'blank external id': { type: 'send-contact', externalId: '   ', body: { name: 'Mallory' } },
    'oversized external id': { type: 'send-contact', externalId: 'C'.repeat(256), body: { name: 'Mallory' } },
    'oversized name': { type: 'send-contact', externalId: 'C-1', body: { name: 'M'.repeat(256) } },
    'body as a string': { type: 'send-contact', externalId: 'C-1', body: 'name=Mallory' },
    '1 MB API key': { type: 'set-api-key', apiKey: 'k'.repeat(1_000_000) },
    'empty API key': { type: 'set-api-key', apiKey: '' },
    'API key as a number': { type: 'set-api-key', apiKey: 12345 },
    'oversized outbox id': { type: 'outbox-retry', id: 'x'.repeat(101) },
    'unknown type': { type: 'get-api-key' },
    'missing type': { apiKey: 'x' },
    'type only as a string': 'get-key-status',
    'null': null,
    'array': [{ type: 'get-key-status' }],
  };

  const responses = await options.evaluate(async (messages) => {
    const results: Record<string, unknown> = {};
    for (const [name, message] of Object.entries(messages)) {
      try {
        results[name] = await chrome.runtime.sendMessage(message);
      } catch (error) {
        results[name] = `failed: ${String(error)}`;
      }
    }
    return results;
  }, malformed);
  await options.waitForTimeout(SETTLE_MS);

  for (const name of Object.keys(malformed)) {
    expect(responses[name], name).toEqual(INVALID_MESSAGE);
  }
  const stored = await readStorage(worker);
  expect(stored.apiKey).toBe(sandbox.apiKey);
  expect(stored).toEqual(storedBefore);
  expect(sandbox.requests()).toEqual([]);
});
