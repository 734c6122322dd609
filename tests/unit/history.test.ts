import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findPreviousSend, loadHistory, recordInHistory, withoutKnownOrganization, type HistoryEntry } from '@/lib/history';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-04T12:00:00Z');

function entry(externalId: string, sentAt: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { externalId, sentAt, status: 201, ...extra };
}

describe('history storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('lists entries newest first', async () => {
    await recordInHistory([entry('C-1', NOW - 2), entry('C-2', NOW - 1)], 365, NOW);
    await recordInHistory([entry('C-3', NOW)], 365, NOW);

    expect((await loadHistory(365, NOW)).map((item) => item.externalId)).toEqual(['C-3', 'C-2', 'C-1']);
  });

  it('drops entries older than the retention period', async () => {
    await recordInHistory([entry('C-old', NOW - 31 * DAY), entry('C-new', NOW - DAY)], 365, NOW);

    expect((await loadHistory(30, NOW)).map((item) => item.externalId)).toEqual(['C-new']);
  });
});

describe('findPreviousSend', () => {
  const entries = [
    entry('C-email', NOW, { email: 'Sanne@Example.nl' }),
    entry('C-linkedin', NOW, { linkedin: 'https://www.linkedin.com/in/sanne-de-vries' }),
    entry('C-phone', NOW, { phone: '+31201234567' }),
  ];

  it('matches the email whatever its case', () => {
    expect(findPreviousSend(entries, { email: ' sanne@example.NL' })?.externalId).toBe('C-email');
  });

  it('matches the LinkedIn profile on another subdomain', () => {
    expect(findPreviousSend(entries, { linkedin: 'https://nl.linkedin.com/in/Sanne-de-Vries/' })?.externalId).toBe('C-linkedin');
  });

  it('matches the phone number', () => {
    expect(findPreviousSend(entries, { phone: '+31201234567' })?.externalId).toBe('C-phone');
  });

  it('finds nothing for a new person', () => {
    expect(findPreviousSend(entries, { email: 'joost@example.nl', phone: '+31612345678' })).toBeUndefined();
  });
});

describe('withoutKnownOrganization', () => {
  const request = { externalId: 'C-1', organization: { externalId: 'O-1', body: { name: 'Sounds great!' } } };

  it('keeps the upsert of an organization this browser never sent', () => {
    expect(withoutKnownOrganization(request, [entry('C-9', NOW)])).toEqual(request);
  });

  it('drops the upsert of an organization sent before', () => {
    const sent = entry('C-9', NOW, { organization: { externalId: 'O-1', body: { name: 'GreenLoop' } } });

    expect(withoutKnownOrganization(request, [sent]).organization).toBeUndefined();
  });
});
