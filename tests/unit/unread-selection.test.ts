import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleContextMenuClick, MENU_ITEM_ID } from '@/lib/background/context-menu';
import { loadDraft } from '@/lib/draft';
import type { Outbox } from '@/lib/outbox/outbox';
import { startReview } from '@/lib/review';
import { DEFAULT_SETTINGS, saveSettings } from '@/lib/settings';
import { useLocale } from './support/i18n';

const PDF_URL = 'https://example.org/offerte-2026-114.pdf';
const SELECTION = 'Met vriendelijke groet,\n\nJan Jansen\nBouwbedrijf Jansen\njan@bouwbedrijfjansen.nl\n+31 20 794 3150';

type ClickInfo = Parameters<typeof handleContextMenuClick>[0];
type ClickTab = Parameters<typeof handleContextMenuClick>[1];

/** Stubs a tab the extension may not script. */
function stubUnreadablePage() {
  const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  api.scripting!.executeScript = vi.fn(async () => {
    throw new Error('Cannot access contents of the page.');
  });
  api.action!.openPopup = vi.fn(async () => {});
  api.notifications!.create = vi.fn(async () => 'notification-1');
  vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url: PDF_URL, title: 'Offerte' } as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>);
  return { openPopup: api.action!.openPopup, notify: api.notifications!.create };
}

function fakeOutbox() {
  const submit = vi.fn();
  return { outbox: { submit } as unknown as Outbox, submit };
}

function click(info: Partial<ClickInfo>, outbox: Outbox) {
  const tab = { id: 7, url: PDF_URL, title: 'Offerte' } as ClickTab;
  return handleContextMenuClick({ menuItemId: MENU_ITEM_ID, editable: false, pageUrl: PDF_URL, ...info } as ClickInfo, tab, outbox, () => {});
}

describe('selection on a page that cannot be read', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useLocale('en');
  });

  it('keeps the selection in the draft', async () => {
    const { openPopup } = stubUnreadablePage();

    await click({ selectionText: SELECTION }, fakeOutbox().outbox);

    expect((await loadDraft(PDF_URL))?.unreadSelection).toBe(SELECTION);
    expect(openPopup).toHaveBeenCalled();
  });

  it('goes to the review even with review turned off', async () => {
    const { notify } = stubUnreadablePage();
    const { outbox, submit } = fakeOutbox();
    await saveSettings({ ...DEFAULT_SETTINGS, reviewBeforeSending: false });

    await click({ selectionText: SELECTION }, outbox);

    expect(submit).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
    expect((await loadDraft(PDF_URL))?.unreadSelection).toBe(SELECTION);
  });

  it('keeps a selection the page capture did not find', async () => {
    stubUnreadablePage();
    const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    api.scripting!.executeScript = vi.fn(async () => [{ result: { url: PDF_URL, fields: {} } }]);

    await click({ selectionText: SELECTION }, fakeOutbox().outbox);

    expect((await loadDraft(PDF_URL))?.unreadSelection).toBe(SELECTION);
  });

  it('prefers the selection to other contact data on the page', async () => {
    stubUnreadablePage();
    const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    const footer = { value: 'support@editor.example', provenance: { source: 'mailto' }, alternatives: [] };
    api.scripting!.executeScript = vi.fn(async () => [{ result: { url: PDF_URL, fields: { email: footer } } }]);

    await click({ selectionText: SELECTION }, fakeOutbox().outbox);

    expect((await loadDraft(PDF_URL))?.unreadSelection).toBe(SELECTION);
  });

  it('keeps the page capture that read the selection', async () => {
    stubUnreadablePage();
    const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
    const name = { value: 'Jan Jansen', provenance: { source: 'selection', line: 3 }, alternatives: [] };
    api.scripting!.executeScript = vi.fn(async () => [{ result: { url: PDF_URL, fields: { name } } }]);

    await click({ selectionText: SELECTION }, fakeOutbox().outbox);

    const draft = await loadDraft(PDF_URL);
    expect(draft?.unreadSelection).toBeUndefined();
    expect(draft?.values.name).toBe('Jan Jansen');
  });

  it('reads a selection cut at the limit as cut', async () => {
    stubUnreadablePage();
    await click({ selectionText: `${SELECTION}\n${'x '.repeat(80_000)}` }, fakeOutbox().outbox);

    const start = await startReview(7);

    expect(start.kind).toBe('draft');
    if (start.kind !== 'draft') return;
    expect(start.draft.capture.truncated).toBe(true);
  });

  it('keeps nothing without a selection', async () => {
    stubUnreadablePage();

    await click({}, fakeOutbox().outbox);

    expect((await loadDraft(PDF_URL))?.unreadSelection).toBeUndefined();
  });

  it('popup reads the kept selection into the form', async () => {
    stubUnreadablePage();
    await click({ selectionText: SELECTION }, fakeOutbox().outbox);

    const start = await startReview(7);

    expect(start.kind).toBe('draft');
    if (start.kind !== 'draft') return;
    expect(start.draft.values.name).toBe('Jan Jansen');
    expect(start.draft.values.email).toBe('jan@bouwbedrijfjansen.nl');
    expect(start.draft.values.phone).toBe('+31207943150');
    expect(start.draft.unreadSelection).toBeUndefined();
    expect((await loadDraft(PDF_URL))?.values.email).toBe('jan@bouwbedrijfjansen.nl');
  });
});
