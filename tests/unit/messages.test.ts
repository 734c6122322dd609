import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageListener, type Handlers } from '@/lib/messages';

const EXTENSION_ID = 'test-extension-id';

function handlers(): Handlers {
  return {
    'send-contact': vi.fn(async () => ({ ok: false as const, error: { kind: 'no-key' as const } })),
    'get-key-status': vi.fn(async () => ({ ok: true as const, status: { hasKey: false } })),
    'set-api-key': vi.fn(async () => ({ ok: true as const, status: { hasKey: true, hint: 'y6z8' } })),
    'clear-api-key': vi.fn(async () => ({ ok: true as const, status: { hasKey: false } })),
    'outbox-retry': vi.fn(async () => ({ ok: true as const })),
    'outbox-discard': vi.fn(async () => ({ ok: true as const })),
  };
}

const popupSender = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };

describe('createMessageListener', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.id = EXTENSION_ID;
    (fakeBrowser.runtime as unknown as { getURL: (path: string) => string }).getURL = (path) =>
      `chrome-extension://${EXTENSION_ID}${path}`;
  });

  it('passes a valid request from an extension page to its handler', async () => {
    const table = handlers();
    const listener = createMessageListener(table, () => {});

    const response = await listener({ type: 'set-api-key', apiKey: 'nerds_live_x' }, popupSender);

    expect(table['set-api-key']).toHaveBeenCalledWith({ type: 'set-api-key', apiKey: 'nerds_live_x' });
    expect(response).toEqual({ ok: true, status: { hasKey: true, hint: 'y6z8' } });
  });

  it('rejects a message from a content script', async () => {
    const table = handlers();
    const listener = createMessageListener(table, () => {});

    const response = await listener(
      { type: 'get-key-status' },
      { id: EXTENSION_ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 3 } as never },
    );

    expect(response).toEqual({ ok: false, error: { kind: 'invalid-message' } });
    expect(table['get-key-status']).not.toHaveBeenCalled();
  });

  it('rejects a message from another extension', async () => {
    const listener = createMessageListener(handlers(), () => {});

    const response = await listener(
      { type: 'get-key-status' },
      { id: 'other-extension', url: 'chrome-extension://other-extension/page.html' },
    );

    expect(response).toEqual({ ok: false, error: { kind: 'invalid-message' } });
  });

  it.each([
    ['an unknown type', { type: 'get-api-key' }],
    ['a missing type', { apiKey: 'x' }],
    ['a string', 'send-contact'],
    ['null', null],
    ['an oversized key', { type: 'set-api-key', apiKey: 'k'.repeat(10_000) }],
    ['an invalid email', { type: 'send-contact', externalId: 'C-1', body: { email: 'not-an-email' } }],
    ['a phone that is not E.164', { type: 'send-contact', externalId: 'C-1', body: { phone: '020 123' } }],
    ['an empty external id', { type: 'send-contact', externalId: '', body: { name: 'X' } }],
    ['a blank external id', { type: 'send-contact', externalId: '   ', body: { name: 'X' } }],
    ['a blank organization id', { type: 'send-contact', externalId: 'C-1', body: {}, organization: { externalId: ' ', body: {} } }],
  ])('rejects %s', async (_case, message) => {
    const table = handlers();
    const listener = createMessageListener(table, () => {});

    const response = await listener(message, popupSender);

    expect(response).toEqual({ ok: false, error: { kind: 'invalid-message' } });
    for (const handler of Object.values(table)) expect(handler).not.toHaveBeenCalled();
  });

  it('reports a handler that throws as internal', async () => {
    const table = handlers();
    table['get-key-status'] = async () => {
      throw new Error('storage unavailable');
    };
    const log = vi.fn();
    const listener = createMessageListener(table, log);

    const response = await listener({ type: 'get-key-status' }, popupSender);

    expect(response).toEqual({ ok: false, error: { kind: 'internal' } });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('storage unavailable'));
  });
});
