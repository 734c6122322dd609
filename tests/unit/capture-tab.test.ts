import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Capture } from '@/lib/capture';
import { MAX_FIELD_LENGTH } from '@/lib/capture-fields';
import { captureTab } from '@/lib/capture-tab';

const TAB_ID = 7;
const PAGE_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcqHrGtKzWbJdsLpXqTvNnMwRk';

const PAGE_CAPTURE: Capture = {
  url: PAGE_URL,
  title: 'Offerte dakrenovatie',
  fields: {
    name: { value: 'Lotte van den Berg', provenance: { source: 'webmail-header' }, alternatives: [] },
    email: { value: 'lotte.vandenberg@kanaalzicht-architecten.example', provenance: { source: 'webmail-header' }, alternatives: [] },
  },
};

const SELECTION_CAPTURE: Capture = {
  url: 'https://mail.google.com/frame/message.html',
  fields: {
    name: { value: 'Sanne de Vries', provenance: { source: 'selection', line: 1 }, alternatives: [] },
    email: { value: 'sanne@brouwerveld.nl', provenance: { source: 'selection', line: 2 }, alternatives: [] },
  },
};

type InjectionResult = { frameId?: number; result?: unknown };

/** Replaces `scripting.executeScript`, which `fakeBrowser` does not implement. */
function stubExecuteScript(outcome: InjectionResult[] | Error) {
  const executeScript = vi.fn(async (_injection: unknown) => {
    if (outcome instanceof Error) throw outcome;
    return outcome;
  });
  (fakeBrowser.scripting as unknown as { executeScript: typeof executeScript }).executeScript = executeScript;
  return executeScript;
}

describe('captureTab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('returns a valid capture', async () => {
    const executeScript = stubExecuteScript([{ frameId: 0, result: PAGE_CAPTURE }]);

    const outcome = await captureTab(TAB_ID);

    expect(outcome).toEqual({ ok: true, capture: PAGE_CAPTURE });
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB_ID }, files: ['/capture.js'] });
  });

  it.each([
    [
      'an oversized field',
      {
        ...PAGE_CAPTURE,
        fields: { name: { value: 'x'.repeat(MAX_FIELD_LENGTH + 1), provenance: { source: 'page-text' }, alternatives: [] } },
      },
    ],
    ['a missing fields object', { url: PAGE_URL, title: 'No fields' }],
    ['a string', JSON.stringify(PAGE_CAPTURE)],
    ['undefined', undefined],
  ])('rejects %s as capture-invalid', async (_case, result) => {
    stubExecuteScript([{ frameId: 0, result }]);

    const outcome = await captureTab(TAB_ID);

    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? undefined : outcome.reason).toBe('capture-invalid');
  });

  it('accepts a field of exactly the maximum length', async () => {
    const capture: Capture = {
      ...PAGE_CAPTURE,
      fields: { name: { value: 'x'.repeat(MAX_FIELD_LENGTH), provenance: { source: 'page-text' }, alternatives: [] } },
    };
    stubExecuteScript([{ frameId: 0, result: capture }]);

    const outcome = await captureTab(TAB_ID);

    expect(outcome).toEqual({ ok: true, capture });
  });

  it('reports a failed injection as page-not-readable', async () => {
    stubExecuteScript(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));

    const outcome = await captureTab(TAB_ID);

    expect(outcome).toEqual({
      ok: false,
      reason: 'page-not-readable',
      detail: 'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    });
  });

  it('reads only the frame the context menu was used in', async () => {
    const executeScript = stubExecuteScript([{ frameId: 4, result: SELECTION_CAPTURE }]);

    const outcome = await captureTab(TAB_ID, { frameId: 4 });

    expect(outcome).toEqual({ ok: true, capture: SELECTION_CAPTURE });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: TAB_ID, frameIds: [4] }, files: ['/capture.js'] });
  });

  it('passes a mailto link to the capture script first', async () => {
    const executeScript = stubExecuteScript([{ frameId: 0, result: PAGE_CAPTURE }]);

    await captureTab(TAB_ID, { linkUrl: 'mailto:sanne@example.nl' });

    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(executeScript.mock.calls[0]![0]).toMatchObject({ target: { tabId: TAB_ID }, args: [expect.any(String), 'mailto:sanne@example.nl', ''] });
    expect(executeScript.mock.calls[1]![0]).toEqual({ target: { tabId: TAB_ID }, files: ['/capture.js'] });
  });

  it('passes the default country to the capture script first', async () => {
    const executeScript = stubExecuteScript([{ frameId: 0, result: PAGE_CAPTURE }]);

    await captureTab(TAB_ID, { defaultCountry: 'BE' });

    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(executeScript.mock.calls[0]![0]).toMatchObject({ args: [expect.any(String), '', 'BE'] });
  });

  it('runs only the capture script without a request', async () => {
    const executeScript = stubExecuteScript([{ frameId: 0, result: PAGE_CAPTURE }]);

    await captureTab(TAB_ID);

    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('treats an empty default country as none', async () => {
    const executeScript = stubExecuteScript([{ frameId: 0, result: PAGE_CAPTURE }]);

    await captureTab(TAB_ID, { defaultCountry: '' });

    expect(executeScript).toHaveBeenCalledTimes(1);
  });
});
