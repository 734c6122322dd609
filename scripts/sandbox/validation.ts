import * as z from 'zod/mini';

import { contactBodySchema, externalIdSchema, organizationBodySchema } from '../../lib/thalamus/schema.ts';

/**
 * Request body validation for the sandbox. It reuses the field rules of the extension's own
 * schemas and adds what the API documentation allows beyond them: `null` for the fields
 * documented as "string or null", and the `created_at` / `updated_at` timestamps.
 *
 * The sandbox is stricter than the documentation in one way: it rejects fields that the
 * endpoint does not know, so that a client bug such as sending `jobTitle` shows up as a 422.
 */

export type Resource = 'contact' | 'organization';

/** Field values of a valid body. A field that is absent was not sent, and `null` clears it. */
export type RecordFields = Partial<Record<string, string | null>>;

export type FieldErrors = Record<string, string[]>;

export type ValidationResult = { ok: true; fields: RecordFields } | { ok: false; errors: FieldErrors };

const contactShape = contactBodySchema.shape;
const timestamp = z.optional(z.nullable(z.iso.datetime({ offset: true })));

function orNull<T extends z.ZodMiniType>(field: z.ZodMiniOptional<T>) {
  return z.optional(z.nullable(field.def.innerType));
}

// `external_organization_id` and `status` are documented as plain strings, so null is
// rejected for them.
const sandboxContactSchema = z.strictObject({
  external_organization_id: contactShape.external_organization_id,
  name: orNull(contactShape.name),
  email: orNull(contactShape.email),
  phone: orNull(contactShape.phone),
  address: orNull(contactShape.address),
  zip: orNull(contactShape.zip),
  city: orNull(contactShape.city),
  country: orNull(contactShape.country),
  comment: orNull(contactShape.comment),
  status: contactShape.status,
  created_at: timestamp,
  updated_at: timestamp,
});

const organizationShape = organizationBodySchema.shape;

const sandboxOrganizationSchema = z.strictObject({
  name: orNull(organizationShape.name),
  email: orNull(organizationShape.email),
  phone: orNull(organizationShape.phone),
  address: orNull(organizationShape.address),
  zip: orNull(organizationShape.zip),
  city: orNull(organizationShape.city),
  country: orNull(organizationShape.country),
  comment: orNull(organizationShape.comment),
  status: organizationShape.status,
  created_at: timestamp,
  updated_at: timestamp,
});

/** Field names that each resource stores, in the order the API documentation lists them. */
export const RECORD_FIELDS: Record<Resource, readonly string[]> = {
  contact: Object.keys(sandboxContactSchema.shape),
  organization: Object.keys(sandboxOrganizationSchema.shape),
};

/** Fields whose value has a specific format, with the sentence that describes it. */
const FORMAT_MESSAGES: Record<string, string> = {
  email: 'The email field must be a valid email address.',
  phone: 'The phone field must be a phone number in E.164 format, such as +31201234567.',
  country: 'The country field must be an ISO 3166-1 alpha-2 code in upper case, such as NL.',
  created_at: 'The created_at field must be an ISO 8601 date-time, such as 2023-11-07T05:31:56Z.',
  updated_at: 'The updated_at field must be an ISO 8601 date-time, such as 2023-11-07T05:31:56Z.',
};

/** Validates a parsed JSON body for one resource and returns its fields or per-field errors. */
export function validateBody(resource: Resource, body: unknown): ValidationResult {
  const schema = resource === 'contact' ? sandboxContactSchema : sandboxOrganizationSchema;
  const result = schema.safeParse(body);
  if (result.success) {
    return { ok: true, fields: result.data };
  }

  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        addError(errors, key, `The ${key} field is not accepted by the ${resource} endpoint.`);
      }
      continue;
    }
    const field = String(issue.path[0] ?? 'body');
    addError(errors, field, describeIssue(field, issue));
  }
  return { ok: false, errors };
}

/** Returns per-field errors for an external id taken from the path, or undefined if it is valid. */
export function validateExternalId(externalId: string): FieldErrors | undefined {
  if (!externalIdSchema.safeParse(externalId).success) {
    return { external_id: ['The external id must be 1 to 255 characters long.'] };
  }
  // The shared schema trims the id. The sandbox rejects padded ids instead, because a
  // silently trimmed id would make " C-1" and "C-1" the same record without the client noticing.
  if (externalId.trim() !== externalId) {
    return { external_id: ['The external id must not start or end with whitespace.'] };
  }
  return undefined;
}

function describeIssue(field: string, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `The ${field} field must be a string${isNullable(field) ? ' or null' : ''}.`;
    case 'too_small':
      return `The ${field} field must not be empty.`;
    case 'too_big':
      return `The ${field} field must not be longer than ${String(issue.maximum)} characters.`;
    case 'invalid_format':
      return FORMAT_MESSAGES[field] ?? `The ${field} field has an invalid format.`;
    default:
      return `The ${field} field is invalid.`;
  }
}

function isNullable(field: string): boolean {
  return field !== 'status' && field !== 'external_organization_id';
}

function addError(errors: FieldErrors, field: string, message: string): void {
  const messages = errors[field] ?? [];
  messages.push(message);
  errors[field] = messages;
}
