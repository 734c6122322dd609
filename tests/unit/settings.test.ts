import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkApiKey,
  checkBaseUrl,
  cleanApiKey,
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  settingsItem,
} from '@/lib/settings';

describe('checkBaseUrl', () => {
  it('accepts the default https URL', () => {
    expect(checkBaseUrl('https://thalamus.nerds.nl/api/v1')).toEqual({
      ok: true,
      url: 'https://thalamus.nerds.nl/api/v1',
      origin: 'https://thalamus.nerds.nl',
    });
  });

  it('trims whitespace and trailing slashes', () => {
    const check = checkBaseUrl('  https://crm.example.nl/api/v1//  ');

    expect(check).toMatchObject({ ok: true, url: 'https://crm.example.nl/api/v1' });
  });

  it.each(['http://127.0.0.1:5319/api/v1', 'http://localhost:8080/api/v1', 'http://[::1]:5319/api/v1'])(
    'allows plain http on loopback %s',
    (url) => {
      expect(checkBaseUrl(url).ok).toBe(true);
    },
  );

  it('rejects plain http elsewhere as insecure', () => {
    expect(checkBaseUrl('http://thalamus.nerds.nl/api/v1')).toEqual({ ok: false, reason: 'insecure' });
    expect(checkBaseUrl('http://10.0.0.5/api/v1')).toEqual({ ok: false, reason: 'insecure' });
  });

  it.each(['', 'thalamus.nerds.nl', 'ftp://thalamus.nerds.nl', 'https://user:pw@thalamus.nerds.nl/api/v1', 'https://x.nl/api?key=1'])(
    'rejects %s as invalid',
    (url) => {
      expect(checkBaseUrl(url)).toEqual({ ok: false, reason: 'invalid' });
    },
  );
});

describe('checkApiKey', () => {
  it('accepts a live key and a test key', () => {
    expect(checkApiKey('nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8')).toEqual([]);
    expect(checkApiKey('nerds_test_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8')).toEqual([]);
  });

  it('warns about a pasted Bearer prefix', () => {
    expect(checkApiKey('Bearer nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8')).toEqual(['bearer-prefix']);
  });

  it('warns about inner whitespace and quotes', () => {
    expect(checkApiKey('nerds_live_a8f3 d9k2m5n7p1q4r6t8v0w2x4y6z8')).toContain('whitespace');
    expect(checkApiKey('"nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8"')).toContain('quotes');
  });

  it('warns about text that does not look like a key', () => {
    expect(checkApiKey('hunter2')).toEqual(['unusual-format']);
  });
});

describe('cleanApiKey', () => {
  it.each([
    ['  nerds_live_abc123  ', 'nerds_live_abc123'],
    ['Bearer nerds_live_abc123', 'nerds_live_abc123'],
    ['"nerds_live_abc123"', 'nerds_live_abc123'],
    ["'Bearer nerds_live_abc123'", 'nerds_live_abc123'],
    ['nerds_live_abc 123', 'nerds_live_abc 123'],
  ])('turns %j into %j', (input, expected) => {
    expect(cleanApiKey(input)).toBe(expected);
  });
});

describe('settings storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('returns defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves and reloads changes', async () => {
    await saveSettings({ defaultOrganizationId: 'ORG-5001', defaultCountry: 'BE' });

    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, defaultOrganizationId: 'ORG-5001', defaultCountry: 'BE' });
  });

  it('replaces invalid stored values with defaults', async () => {
    await settingsItem.setValue({ defaultCountry: 'Netherlands', defaultStatus: 'lead' } as never);

    const settings = await loadSettings();

    expect(settings.defaultCountry).toBe(DEFAULT_SETTINGS.defaultCountry);
    expect(settings.defaultStatus).toBe('lead');
  });
});
