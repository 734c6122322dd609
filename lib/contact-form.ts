import { isCountryCode } from './country-codes';
import * as z from 'zod/mini';
import {
  contactBodySchema,
  externalIdSchema,
  organizationBodySchema,
  type ContactBody,
  type OrganizationBody,
} from './thalamus/schema';

/** Fields of the review form: every field the Thalamus contact takes, plus its external id. */
export const FORM_FIELDS = [
  'externalId',
  'name',
  'email',
  'phone',
  'address',
  'zip',
  'city',
  'country',
  'organization',
  'externalOrganizationId',
  'status',
  'comment',
] as const;

export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

export type FieldError =
  | 'required'
  | 'invalid-external-id'
  | 'invalid-email'
  | 'invalid-phone'
  | 'invalid-country'
  | 'too-long';

export type FormErrors = Partial<Record<FormField, FieldError>>;

export interface SendRequest {
  externalId: string;
  body: ContactBody;
  /** The organization to upsert before the contact. */
  organization?: { externalId: string; body: OrganizationBody };
}

export interface FormCheck {
  errors: FormErrors;
  /** Whether the draft identifies anybody: a name or an email address. */
  identifiesContact: boolean;
  /** Present only when there are no errors. */
  request?: SendRequest;
}

export interface CheckOptions {
  /** Country for phone numbers without a country code when the form has no country. */
  defaultCountry: string;
  /**
   * The organization id that was derived for this draft. The organization is upserted only
   * when the form still has that id, never for an id the user typed or set as the default,
   * because an upsert would overwrite that organization's name.
   */
  derivedOrganizationId?: string;
  /** Returns the number in E.164, or `undefined` when it is not a valid phone number. */
  normalisePhone: (input: string, defaultCountry: string) => string | undefined;
}

export function emptyFormValues(): FormValues {
  return Object.fromEntries(FORM_FIELDS.map((field) => [field, ''])) as FormValues;
}

const emailSchema = z.email();

/** Maximum characters per form field, where Thalamus or the form sets one. */
export const MAX_LENGTHS: Partial<Record<FormField, number>> = {
  name: 255,
  address: 255,
  zip: 32,
  city: 255,
  organization: 255,
  externalOrganizationId: 255,
  status: 64,
  comment: 10_000,
};

/**
 * Validates the form and builds the Thalamus request. The phone is normalised to E.164 with
 * the form's country, or `defaultCountry` when the form has none.
 */
export function checkForm(values: FormValues, options: CheckOptions): FormCheck {
  const { defaultCountry } = options;
  const errors: FormErrors = {};
  const trimmed = Object.fromEntries(
    FORM_FIELDS.map((field) => [field, values[field].trim()]),
  ) as FormValues;

  if (!trimmed.externalId) errors.externalId = 'required';
  else if (!externalIdSchema.safeParse(trimmed.externalId).success) errors.externalId = 'invalid-external-id';

  if (trimmed.email && !emailSchema.safeParse(trimmed.email).success) errors.email = 'invalid-email';

  const country = trimmed.country.toUpperCase();
  if (country && !isCountryCode(country)) errors.country = 'invalid-country';

  let phone = '';
  if (trimmed.phone) {
    const normalised = options.normalisePhone(trimmed.phone, isCountryCode(country) ? country : defaultCountry);
    if (normalised) phone = normalised;
    else errors.phone = 'invalid-phone';
  }

  for (const [field, max] of Object.entries(MAX_LENGTHS) as [FormField, number][]) {
    if (trimmed[field].length > max) errors[field] = 'too-long';
  }

  const identifiesContact = Boolean(trimmed.name || trimmed.email);
  if (Object.keys(errors).length > 0 || !identifiesContact) return { errors, identifiesContact };

  const address = { address: trimmed.address, zip: trimmed.zip, city: trimmed.city, country };
  const body = contactBodySchema.parse(
    withoutEmpty({
      name: trimmed.name,
      email: trimmed.email.toLowerCase(),
      phone,
      ...address,
      external_organization_id: trimmed.externalOrganizationId,
      status: trimmed.status,
      comment: trimmed.comment,
    }),
  );
  const request: SendRequest = { externalId: trimmed.externalId, body };

  const upsertsOrganization =
    trimmed.organization !== '' &&
    trimmed.externalOrganizationId !== '' &&
    trimmed.externalOrganizationId === options.derivedOrganizationId;
  if (upsertsOrganization) {
    // Without a person's name the page was the organization's own, so its details are the organization's.
    const organizationDetails = trimmed.name ? {} : { ...address, email: body.email ?? '', phone };
    request.organization = {
      externalId: trimmed.externalOrganizationId,
      body: organizationBodySchema.parse(withoutEmpty({ name: trimmed.organization, ...organizationDetails })),
    };
  }
  return { errors, identifiesContact, request };
}

/** Accepts a number only when it is already in E.164, ignoring spaces, dots and dashes. */
export function keepE164(input: string): string | undefined {
  const compact = input.replace(/[\s.-]/g, '');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : undefined;
}

export { isCountryCode };

function withoutEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}
