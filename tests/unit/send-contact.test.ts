import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readKeyStatus, storeApiKey } from '@/lib/background/api-key';
import { sendContact } from '@/lib/background/send-contact';
import { apiKeyItem, saveSettings } from '@/lib/settings';

const KEY = 'nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8';
const REQUEST = { type: 'send-contact' as const, externalId: 'C-1', body: { name: 'Sanne de Vries' } };

function allowOrigins(allowed: boolean) {
  (fakeBrowser.permissions as unknown as { contains: unknown }).contains = vi.fn(async () => allowed);
}

describe('sendContact', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    allowOrigins(true);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports a missing key without a request', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);

    expect(await sendContact(REQUEST, () => {})).toEqual({ ok: false, error: { kind: 'no-key' } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reports a base URL without host permission', async () => {
    await apiKeyItem.setValue(KEY);
    await saveSettings({ baseUrl: 'https://crm.example.nl/api/v1' });
    allowOrigins(false);

    expect(await sendContact(REQUEST, () => {})).toEqual({ ok: false, error: { kind: 'no-host-permission' } });
  });

  it('upserts with the stored key and base URL', async () => {
    await apiKeyItem.setValue(KEY);
    await saveSettings({ baseUrl: 'https://crm.example.nl/api/v1' });
    const fetchMock = vi.fn<typeof fetch>(async () =>
      Response.json({ success: true, data: { external_id: 'C-1', name: 'Sanne de Vries' } }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);

    const response = await sendContact(REQUEST, () => {});

    expect(response).toMatchObject({ ok: true, status: 201, record: { external_id: 'C-1' } });
    expect(fetchMock.mock.calls[0]![0]).toBe('https://crm.example.nl/api/v1/contact/C-1');
    expect(new Headers(fetchMock.mock.calls[0]![1]?.headers).get('Authorization')).toBe(`Bearer ${KEY}`);
  });

  it('returns a Thalamus failure as data and logs it without the key', async () => {
    await apiKeyItem.setValue(KEY);
    vi.stubGlobal('fetch', async () => Response.json({ message: 'Unauthenticated.' }, { status: 401 }));
    const log = vi.fn();

    const response = await sendContact(REQUEST, log);

    expect(response).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: 401, serverMessage: 'Unauthenticated.' },
    });
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toContain('C-1');
    expect(logged).not.toContain(KEY);
  });
});

describe('API key storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('strips whitespace and a pasted Bearer prefix', async () => {
    await storeApiKey('  Bearer nerds_live_abcd1234  ');

    expect(await apiKeyItem.getValue()).toBe('nerds_live_abcd1234');
  });

  it('reports only the last four characters', async () => {
    await storeApiKey(KEY);

    expect(await readKeyStatus()).toEqual({ hasKey: true, hint: 'y6z8' });
  });
});
