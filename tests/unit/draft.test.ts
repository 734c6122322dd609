import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Capture } from '@/lib/capture';
import { composeComment, createDraft, discardDraft, loadDraft, refreshDerivedIds, saveDraft } from '@/lib/draft';
import { deriveExternalId } from '@/lib/external-id';
import { deriveOrganizationId } from '@/lib/organization';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const LABELS = {
  organization: 'Organization',
  jobTitle: 'Job title',
  website: 'Website',
  linkedin: 'LinkedIn',
  capturedFrom: 'Captured from',
};

function field(value: string) {
  return { value, provenance: { source: 'signature' as const, line: 1 }, alternatives: [] };
}

const CAPTURE: Capture = {
  url: 'https://mail.google.com/mail/u/0/#inbox/abc',
  fields: {
    name: field('Sanne de Vries'),
    email: field('S.deVries@Example.nl'),
    phone: field('+31201234567'),
    organization: field('Brouwerveld B.V.'),
    jobTitle: field('Projectleider'),
  },
};

describe('createDraft', () => {
  it('fills the form from the capture and the settings', async () => {
    const draft = await createDraft(CAPTURE, { ...DEFAULT_SETTINGS, defaultOrganizationId: 'ORG-1' }, LABELS, 1000);

    expect(draft.values).toMatchObject({
      name: 'Sanne de Vries',
      email: 'S.deVries@Example.nl',
      phone: '+31201234567',
      externalOrganizationId: 'ORG-1',
      status: 'active',
    });
    expect(draft.values.externalId).toBe(await deriveExternalId({ email: 's.devries@example.nl' }, 'C-'));
    expect(draft.derivedExternalId).toBe(draft.values.externalId);
    expect(draft.createdAt).toBe(1000);
  });

  it('leaves the external id empty when nothing identifies the person', async () => {
    const draft = await createDraft({ url: 'https://example.nl/', fields: {} }, DEFAULT_SETTINGS, LABELS);

    expect(draft.values.externalId).toBe('');
  });
});

describe('createDraft organization', () => {
  it('derives the organization id from the work email domain', async () => {
    const draft = await createDraft(CAPTURE, DEFAULT_SETTINGS, LABELS);

    expect(draft.values.organization).toBe('Brouwerveld B.V.');
    expect(draft.values.externalOrganizationId).toBe(await deriveOrganizationId({ email: 's.devries@example.nl' }, 'O-'));
    expect(draft.derivedOrganizationId).toBe(draft.values.externalOrganizationId);
  });

  it('uses a default organization id instead of deriving one', async () => {
    const draft = await createDraft(CAPTURE, { ...DEFAULT_SETTINGS, defaultOrganizationId: 'ORG-5001' }, LABELS);

    expect(draft.values.externalOrganizationId).toBe('ORG-5001');
    expect(draft.derivedOrganizationId).toBeUndefined();
  });

  it('links no organization when that is turned off', async () => {
    const draft = await createDraft(CAPTURE, { ...DEFAULT_SETTINGS, organizationMode: 'off' }, LABELS);

    expect(draft.values.externalOrganizationId).toBe('');
  });

  it('leaves the comment empty when that is turned off', async () => {
    const draft = await createDraft(CAPTURE, { ...DEFAULT_SETTINGS, commentEnabled: false }, LABELS);

    expect(draft.values.comment).toBe('');
  });
});

describe('composeComment', () => {
  it('lists the facts without a contact field and the page', () => {
    expect(composeComment(CAPTURE, LABELS)).toBe(
      'Job title: Projectleider\nOrganization: Brouwerveld B.V.\nCaptured from: https://mail.google.com/mail/u/0/#inbox/abc',
    );
  });

  it('leaves the query string out of the page address', () => {
    const comment = composeComment({ ...CAPTURE, url: 'https://example.nl/team/sanne?session=secret#contact' }, LABELS);

    expect(comment).toContain('Captured from: https://example.nl/team/sanne#contact');
    expect(comment).not.toContain('secret');
  });

  it('is empty when there is nothing to add', () => {
    expect(composeComment({ url: 'https://example.nl/', fields: { name: field('X') } }, LABELS)).toBe('');
  });
});

describe('refreshDerivedIds', () => {
  it('follows an edited email', async () => {
    const draft = await createDraft(CAPTURE, DEFAULT_SETTINGS, LABELS);

    const values = await refreshDerivedIds(draft, { ...draft.values, email: 'sanne@other.nl' }, DEFAULT_SETTINGS);

    expect(values.externalId).toBe(await deriveExternalId({ email: 'sanne@other.nl' }, 'C-'));
  });

  it('keeps an id the user typed', async () => {
    const draft = await createDraft(CAPTURE, DEFAULT_SETTINGS, LABELS);

    const values = await refreshDerivedIds(draft, { ...draft.values, externalId: 'C-10042', email: 'x@y.nl' }, DEFAULT_SETTINGS);

    expect(values.externalId).toBe('C-10042');
  });
});

describe('draft storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps a draft per page until it is discarded', async () => {
    const draft = await createDraft(CAPTURE, DEFAULT_SETTINGS, LABELS);

    await saveDraft(draft);

    expect(await loadDraft(CAPTURE.url)).toEqual(draft);
    expect(await loadDraft('https://example.nl/other')).toBeUndefined();
    await discardDraft(CAPTURE.url);
    expect(await loadDraft(CAPTURE.url)).toBeUndefined();
  });

  it('keeps only the newest twenty drafts', async () => {
    for (let index = 0; index < 25; index++) {
      const draft = await createDraft({ ...CAPTURE, url: `https://example.nl/${index}` }, DEFAULT_SETTINGS, LABELS, index);
      await saveDraft(draft);
    }

    expect(await loadDraft('https://example.nl/4')).toBeUndefined();
    expect(await loadDraft('https://example.nl/5')).toBeDefined();
    expect(await loadDraft('https://example.nl/24')).toBeDefined();
  });
});
