import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { CAPTURE_FIELDS, captureSchema, type Capture, type CaptureField } from './capture';
import { FORM_FIELDS, emptyFormValues, type FormField, type FormValues } from './contact-form';
import { deriveExternalId } from './external-id';
import { deriveOrganizationId } from './organization';
import type { Settings } from './settings';

/**
 * Characters of an unread selection kept: one more than the extractor reads of a selection, so
 * that the capture of a longer selection is still marked as cut.
 */
export const MAX_UNREAD_SELECTION_LENGTH = 100_001;

/**
 * A draft is the contact under review: what was captured from a page, and the form values the
 * user sees and edits. Drafts are kept per page until they are sent or discarded, so closing
 * the popup loses nothing.
 */
export const draftSchema = z.object({
  pageUrl: z.string(),
  pageTitle: z.optional(z.string()),
  createdAt: z.number(),
  capture: captureSchema,
  values: z.object(
    Object.fromEntries(FORM_FIELDS.map((field) => [field, z.string()])) as Record<
      FormField,
      z.ZodMiniString
    >,
  ),
  /** The external id derived from the captured identity, to tell whether the user changed it. */
  derivedExternalId: z.optional(z.string()),
  /** The organization id derived from the email domain, website or name, likewise. */
  derivedOrganizationId: z.optional(z.string()),
  /**
   * Index into `capture.people` when the user switched the target to another person on the
   * page. The form then no longer shows where the main capture's values came from.
   */
  personIndex: z.optional(z.number()),
  /**
   * Text the user selected where the capture found nothing, such as a page that cannot be
   * scripted or a canvas editor. The worker has no extractor, so the popup reads it on opening.
   */
  unreadSelection: z.optional(z.string().check(z.maxLength(MAX_UNREAD_SELECTION_LENGTH))),
});

export type Draft = z.infer<typeof draftSchema>;

/** Labels for the comment lines, in the user's language. */
export type CommentLabels = Record<'organization' | 'jobTitle' | 'website' | 'linkedin' | 'capturedFrom', string>;

/** Capture fields that map one to one onto a form field of the same name. */
const DIRECT_FIELDS = CAPTURE_FIELDS.filter((field): field is CaptureField & FormField =>
  (FORM_FIELDS as readonly string[]).includes(field),
);

export async function createDraft(
  capture: Capture,
  settings: Settings,
  labels: CommentLabels,
  now = Date.now(),
): Promise<Draft> {
  const values = emptyFormValues();
  for (const field of DIRECT_FIELDS) values[field] = capture.fields[field]?.value ?? '';
  values.organization = capture.fields.organization?.value ?? '';
  values.status = settings.defaultStatus;
  values.comment = settings.commentEnabled ? composeComment(capture, labels) : '';

  const draft: Draft = { pageUrl: capture.url, pageTitle: capture.title, createdAt: now, capture, values };
  draft.values = await refreshDerivedIds(draft, values, settings);
  return draft;
}

/**
 * Returns a draft for another person found on the page (an earlier sender in a thread, say),
 * or for the main capture again when `personIndex` is undefined. Ids and the comment are
 * derived anew from that person.
 */
export async function switchPerson(
  draft: Draft,
  personIndex: number | undefined,
  settings: Settings,
  labels: CommentLabels,
): Promise<Draft> {
  const person = personIndex === undefined ? undefined : draft.capture.people?.[personIndex];
  if (!person) return createDraft(draft.capture, settings, labels, draft.createdAt);

  const fields: Capture['fields'] = {};
  for (const field of CAPTURE_FIELDS) {
    const value = person[field];
    if (value) fields[field] = { value, provenance: { source: 'page-text' }, alternatives: [] };
  }
  const personDraft = await createDraft({ ...draft.capture, fields, people: undefined }, settings, labels, draft.createdAt);
  return { ...personDraft, capture: draft.capture, personIndex };
}

/** Reads a captured value of the draft's target: the main capture, or the person switched to. */
export function targetValue(draft: Draft, field: CaptureField): string | undefined {
  if (draft.personIndex === undefined) return draft.capture.fields[field]?.value;
  return draft.capture.people?.[draft.personIndex]?.[field];
}

/**
 * Derives the contact's and the organization's external ids from the form, unless the user
 * typed an id of their own. A default organization id from the settings always wins.
 * Updates the draft's record of derived ids and returns the new form values.
 */
export async function refreshDerivedIds(
  draft: Draft,
  values: FormValues,
  settings: Pick<Settings, 'externalIdPrefix' | 'organizationIdPrefix' | 'organizationMode' | 'defaultOrganizationId'>,
): Promise<FormValues> {
  const next = { ...values };

  if (next.externalId === '' || next.externalId === draft.derivedExternalId) {
    draft.derivedExternalId = await deriveExternalId(
      {
        email: next.email,
        linkedin: targetValue(draft, 'linkedin'),
        name: next.name,
        organization: next.organization,
      },
      settings.externalIdPrefix,
    );
    next.externalId = draft.derivedExternalId ?? '';
  }

  if (settings.defaultOrganizationId) {
    draft.derivedOrganizationId = undefined;
    if (next.externalOrganizationId === '') next.externalOrganizationId = settings.defaultOrganizationId;
  } else if (
    settings.organizationMode === 'derive' &&
    (next.externalOrganizationId === '' || next.externalOrganizationId === draft.derivedOrganizationId)
  ) {
    draft.derivedOrganizationId = next.organization
      ? await deriveOrganizationId(
          { name: next.organization, email: next.email, website: targetValue(draft, 'website') },
          settings.organizationIdPrefix,
        )
      : undefined;
    next.externalOrganizationId = draft.derivedOrganizationId ?? '';
  }
  return next;
}

/** Writes the captured facts that the contact has no field for into readable comment lines. */
export function composeComment(capture: Capture, labels: CommentLabels): string {
  const lines: string[] = [];
  const add = (label: string, value: string | undefined) => {
    if (value) lines.push(`${label}: ${value}`);
  };
  add(labels.jobTitle, capture.fields.jobTitle?.value);
  add(labels.organization, capture.fields.organization?.value);
  add(labels.website, capture.fields.website?.value);
  add(labels.linkedin, capture.fields.linkedin?.value);
  if (lines.length > 0 && /^https?:/.test(capture.url)) add(labels.capturedFrom, withoutQuery(capture.url));
  return lines.join('\n');
}

/**
 * Drops the query string, which can carry session tokens or tracking ids that do not belong in
 * a CRM. The fragment stays, because webmail keeps the message's id there.
 */
function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    return parsed.href;
  } catch {
    return url;
  }
}

// Drafts of at most this many pages are kept; the oldest is dropped first.
const MAX_DRAFTS = 20;

const draftsItem = storage.defineItem<Record<string, Draft>>('local:drafts', { fallback: {} });

export async function loadDraft(pageUrl: string): Promise<Draft | undefined> {
  const drafts = await readDrafts();
  const parsed = draftSchema.safeParse(drafts[pageUrl]);
  return parsed.success ? parsed.data : undefined;
}

// Copies, because `getValue` returns the shared fallback object when nothing is stored yet.
async function readDrafts(): Promise<Record<string, Draft>> {
  return { ...(await draftsItem.getValue()) };
}

export async function saveDraft(draft: Draft): Promise<void> {
  const drafts = await readDrafts();
  drafts[draft.pageUrl] = draft;
  const newestFirst = Object.values(drafts).sort((a, b) => b.createdAt - a.createdAt);
  await draftsItem.setValue(
    Object.fromEntries(newestFirst.slice(0, MAX_DRAFTS).map((kept) => [kept.pageUrl, kept])),
  );
}

export async function discardDraft(pageUrl: string): Promise<void> {
  const drafts = await readDrafts();
  delete drafts[pageUrl];
  await draftsItem.setValue(drafts);
}
