import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readKeyStatus, storeApiKey } from '@/lib/background/api-key';
import { createOutbox, resolveConnection, sendFromPopup } from '@/lib/background/delivery';
import { outboxItem } from '@/lib/outbox/storage';
import { loadHistory } from '@/lib/history';
import { apiKeyItem, saveSettings } from '@/lib/settings';

const KEY = 'nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8';
const REQUEST = { type: 'send-contact' as const, externalId: 'C-1', body: { name: 'Sanne de Vries' } };

/** Fills in the browser APIs that `fakeBrowser` does not implement. */
function stubBrowserApis(hostPermission = true) {
  const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  api.permissions!.contains = vi.fn(async () => hostPermission);
  api.alarms!.create = vi.fn(async () => {});
  api.action!.setBadgeText = vi.fn(async () => {});
  api.action!.setBadgeBackgroundColor = vi.fn(async () => {});
  api.notifications!.create = vi.fn(async () => '');
}

const quiet = () => {};

describe('resolveConnection', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    stubBrowserApis();
  });

  it('reports a missing key', async () => {
    expect(await resolveConnection()).toEqual({ ok: false, error: { kind: 'no-key' } });
  });

  it('reports a base URL without host permission', async () => {
    await apiKeyItem.setValue(KEY);
    await saveSettings({ baseUrl: 'https://crm.example.nl/api/v1' });
    stubBrowserApis(false);

    expect(await resolveConnection()).toEqual({ ok: false, error: { kind: 'no-host-permission' } });
  });

  it('returns the stored key and base URL', async () => {
    await apiKeyItem.setValue(KEY);
    await saveSettings({ baseUrl: 'https://crm.example.nl/api/v1/' });

    expect(await resolveConnection()).toEqual({
      ok: true,
      config: { apiKey: KEY, baseUrl: 'https://crm.example.nl/api/v1', timeoutMs: 15_000 },
    });
  });
});

describe('sendFromPopup', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    stubBrowserApis();
    await apiKeyItem.setValue(KEY);
    await saveSettings({ baseUrl: 'https://crm.example.nl/api/v1' });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('upserts the organization first, then the contact, and records the send', async () => {
    const fetchMock = vi.fn<typeof fetch>(async (url) =>
      Response.json(
        { success: true, data: { external_id: String(url).split('/').pop() } },
        { status: 201 },
      ),
    );
    vi.stubGlobal('fetch', fetchMock);

    const response = await sendFromPopup(createOutbox(quiet), {
      ...REQUEST,
      organization: { externalId: 'O-1', body: { name: 'Brouwerveld B.V.' } },
      linkedin: 'https://www.linkedin.com/in/sanne',
    });

    expect(response).toMatchObject({ ok: true, status: 201, record: { external_id: 'C-1' } });
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      'https://crm.example.nl/api/v1/organization/O-1',
      'https://crm.example.nl/api/v1/contact/C-1',
    ]);
    expect(new Headers(fetchMock.mock.calls[1]![1]?.headers).get('Authorization')).toBe(`Bearer ${KEY}`);
    expect(await outboxItem.getValue()).toEqual([]);
    const [entry] = await loadHistory(365);
    expect(entry).toMatchObject({ externalId: 'C-1', name: 'Sanne de Vries', linkedin: 'https://www.linkedin.com/in/sanne', status: 201 });
  });

  it('keeps a contact in the outbox when Thalamus is down', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad gateway</html>', { status: 502 }));

    const response = await sendFromPopup(createOutbox(quiet), REQUEST);

    expect(response).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } });
    expect(response.ok).toBe(false);
    expect(response.ok ? undefined : response.retryAt).toBeGreaterThan(Date.now());
    const [queued] = await outboxItem.getValue();
    expect(queued?.contact).toEqual({ externalId: 'C-1', body: { name: 'Sanne de Vries' } });
    expect(fakeBrowser.alarms.create).toHaveBeenCalled();
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
  });

  it('returns a rejected key as a failure and logs it without the key', async () => {
    vi.stubGlobal('fetch', async () => Response.json({ message: 'Unauthenticated.' }, { status: 401 }));
    const log = vi.fn();

    const response = await sendFromPopup(createOutbox(log), REQUEST);

    expect(response).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: 401, serverMessage: 'Unauthenticated.' },
    });
    expect(await outboxItem.getValue()).toEqual([]);
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
