import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { captureSchema, type Capture, type CaptureField } from './capture';
import { FORM_FIELDS, emptyFormValues, type FormField, type FormValues } from './contact-form';
import { deriveExternalId } from './external-id';
import type { Settings } from './settings';

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
});

export type Draft = z.infer<typeof draftSchema>;

/** Labels for the comment lines, in the user's language. */
export type CommentLabels = Record<'organization' | 'jobTitle' | 'website' | 'linkedin' | 'capturedFrom', string>;

/** Capture fields that map one to one onto a form field. */
const DIRECT_FIELDS: ReadonlyArray<CaptureField & FormField> = [
  'name',
  'email',
  'phone',
  'address',
  'zip',
  'city',
  'country',
];

export async function createDraft(
  capture: Capture,
  settings: Settings,
  labels: CommentLabels,
  now = Date.now(),
): Promise<Draft> {
  const values = emptyFormValues();
  for (const field of DIRECT_FIELDS) values[field] = capture.fields[field]?.value ?? '';
  values.externalOrganizationId = settings.defaultOrganizationId;
  values.status = settings.defaultStatus;
  values.comment = composeComment(capture, labels);

  const derivedExternalId = await deriveExternalId(identityOf(capture), settings.externalIdPrefix);
  values.externalId = derivedExternalId ?? '';

  return { pageUrl: capture.url, pageTitle: capture.title, createdAt: now, capture, values, derivedExternalId };
}

/**
 * Re-derives the external id after the user edits the email or name, unless the user typed an
 * id of their own.
 */
export async function refreshExternalId(draft: Draft, values: FormValues, prefix: string): Promise<FormValues> {
  const userOwnsId = values.externalId !== '' && values.externalId !== draft.derivedExternalId;
  if (userOwnsId) return values;

  const derived = await deriveExternalId(
    {
      email: values.email,
      linkedin: draft.capture.fields.linkedin?.value,
      name: values.name,
      organization: draft.capture.fields.organization?.value,
    },
    prefix,
  );
  draft.derivedExternalId = derived;
  return { ...values, externalId: derived ?? '' };
}

function identityOf(capture: Capture) {
  return {
    email: capture.fields.email?.value,
    linkedin: capture.fields.linkedin?.value,
    name: capture.fields.name?.value,
    organization: capture.fields.organization?.value,
  };
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
  if (lines.length > 0 && /^https?:/.test(capture.url)) add(labels.capturedFrom, capture.url);
  return lines.join('\n');
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
