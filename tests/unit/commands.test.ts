import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '@/lib/background/commands';
import type { Capture } from '@/lib/capture';
import { createDraft, loadDraft, saveDraft } from '@/lib/draft';
import type { Outbox } from '@/lib/outbox/outbox';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings';
import { useLocale } from './support/i18n';

const PAGE_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqHrGtKzWbJdsLpXqTvNnMwRk';

const CAPTURE: Capture = {
  url: PAGE_URL,
  title: 'Offerte dakrenovatie',
  fields: {
    name: { value: 'Sanne de Vries', provenance: { source: 'selection', line: 1 }, alternatives: [] },
    email: { value: 'sanne@brouwerveld.nl', provenance: { source: 'selection', line: 2 }, alternatives: [] },
  },
};

/** Stubs the APIs that `fakeBrowser` does not implement, with the outcome each test needs. */
function stubBrowser(options: { captureResult?: unknown; captureError?: Error; openPopupError?: Error } = {}) {
  const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  const executeScript = vi.fn(async () => {
    if (options.captureError) throw options.captureError;
    return [{ result: options.captureResult ?? CAPTURE }];
  });
  const openPopup = vi.fn(async () => {
    if (options.openPopupError) throw options.openPopupError;
  });
  const createWindow = vi.fn(async () => ({ id: 2 }));
  const notify = vi.fn(async () => 'notification-1');
  api.scripting!.executeScript = executeScript;
  api.action!.openPopup = openPopup;
  api.windows!.create = createWindow;
  api.notifications!.create = notify;
  return { executeScript, openPopup, createWindow, notify };
}

/** An outbox that accepts every contact as queued, without storage or requests. */
function fakeOutbox() {
  const submit = vi.fn(async (_item: unknown) => ({
    kind: 'queued' as const,
    error: { kind: 'network' as const },
    retryAt: 0,
  }));
  return { outbox: { submit } as unknown as Outbox, submit };
}

function browserTab(overrides: Partial<{ id: number; url: string; title: string }> = {}) {
  return { id: 7, url: PAGE_URL, title: 'Offerte dakrenovatie - Gmail', ...overrides } as Parameters<
    typeof handleCommand
  >[1];
}

describe('handleCommand', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it('ignores an unknown command', async () => {
    const { executeScript } = stubBrowser();
    const log = vi.fn();

    await handleCommand('wxt:reload-extension', browserTab(), fakeOutbox().outbox, log);

    expect(executeScript).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('Ignoring unknown command "wxt:reload-extension".');
  });

  it('captures the tab and stores the draft', async () => {
    const { executeScript } = stubBrowser();

    await handleCommand('capture-selection', browserTab(), fakeOutbox().outbox, () => {});

    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/capture.js'] });
    const draft = await loadDraft(PAGE_URL);
    expect(draft?.values.name).toBe('Sanne de Vries');
    expect(draft?.values.email).toBe('sanne@brouwerveld.nl');
    expect(draft?.pageTitle).toBe('Offerte dakrenovatie - Gmail');
  });

  it('opens the toolbar popup after capturing', async () => {
    const { openPopup, createWindow } = stubBrowser();

    await handleCommand('capture-selection', browserTab(), fakeOutbox().outbox, () => {});

    expect(openPopup).toHaveBeenCalledOnce();
    expect(createWindow).not.toHaveBeenCalled();
  });

  it('sends without review when review is off', async () => {
    await saveSettings({ reviewBeforeSending: false });
    const { openPopup, notify } = stubBrowser();
    const { outbox, submit } = fakeOutbox();

    await handleCommand('capture-selection', browserTab(), outbox, () => {});

    expect(submit).toHaveBeenCalledOnce();
    expect(submit.mock.calls[0]![0]).toMatchObject({ contact: { body: { email: 'sanne@brouwerveld.nl' } } });
    expect(openPopup).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledOnce();
  });

  it('opens a popup window when openPopup fails', async () => {
    const { createWindow } = stubBrowser({ openPopupError: new Error('openPopup requires a user gesture') });
    const log = vi.fn();

    await handleCommand('capture-selection', browserTab(), fakeOutbox().outbox, log);

    expect(createWindow).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'popup', url: expect.stringMatching(/\/popup\.html\?tabId=7$/) }),
    );
    expect(log.mock.calls.flat().join('\n')).toContain('openPopup requires a user gesture');
  });

  it('uses the active tab when the browser passes none', async () => {
    const { executeScript } = stubBrowser();
    // fakeBrowser cannot make a created tab active, so the query is stubbed.
    const query = vi.fn(async () => [browserTab({ id: 12 })]);
    (fakeBrowser.tabs as unknown as Record<string, unknown>).query = query;

    await handleCommand('capture-selection', undefined, fakeOutbox().outbox, () => {});

    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12 }, files: ['/capture.js'] });
    expect(await loadDraft(PAGE_URL)).toBeDefined();
  });

  it('keeps the stored draft when the page cannot be read', async () => {
    const earlier = await createDraft({ ...CAPTURE, fields: {} }, DEFAULT_SETTINGS, {
      organization: 'Organization',
      jobTitle: 'Job title',
      website: 'Website',
      linkedin: 'LinkedIn',
      capturedFrom: 'Captured from',
    });
    earlier.values.name = 'Typed by the user';
    await saveDraft(earlier);
    const { openPopup } = stubBrowser({ captureError: new Error('Cannot access contents of the page') });
    const log = vi.fn();

    await handleCommand('capture-selection', browserTab(), fakeOutbox().outbox, log);

    expect((await loadDraft(PAGE_URL))?.values.name).toBe('Typed by the user');
    expect(openPopup).toHaveBeenCalledOnce();
    expect(log.mock.calls.flat().join('\n')).toContain('page-not-readable');
  });

  it('does nothing without a tab that has a URL', async () => {
    const { executeScript, openPopup } = stubBrowser();
    const log = vi.fn();

    await handleCommand('capture-selection', browserTab({ url: '' }), fakeOutbox().outbox, log);

    expect(executeScript).not.toHaveBeenCalled();
    expect(openPopup).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('The capture-selection shortcut found no active tab with a URL, so nothing was captured.');
  });
});
