import * as z from 'zod/mini';

/**
 * Request and response shapes of the Thalamus partner API (`/api/v1`), as documented for the
 * contact and organization upserts. All body fields are optional, and a field that is sent
 * overwrites the stored value, so the client sends only fields that have a value.
 */

/** ISO 3166-1 alpha-2 code in upper case. */
export const countryCodeSchema = z.string().check(z.regex(/^[A-Z]{2}$/));

/** Phone number in E.164: a plus sign and 8 to 15 digits. */
export const e164Schema = z.string().check(z.regex(/^\+[1-9]\d{7,14}$/));

// The trim runs first because zod runs checks in order. Otherwise a blank id passes
// `minLength(1)`, becomes empty, and the upsert goes to `/contact/` without an id.
export const externalIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(255));

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const addressShape = {
  name: z.optional(text(255)),
  email: z.optional(z.email()),
  phone: z.optional(e164Schema),
  address: z.optional(text(255)),
  zip: z.optional(text(32)),
  city: z.optional(text(255)),
  country: z.optional(countryCodeSchema),
  comment: z.optional(text(10_000)),
  status: z.optional(text(64)),
};

export const contactBodySchema = z.object({
  external_organization_id: z.optional(text(255)),
  ...addressShape,
});

export type ContactBody = z.infer<typeof contactBodySchema>;

export const organizationBodySchema = z.object(addressShape);

export type OrganizationBody = z.infer<typeof organizationBodySchema>;

const nullableString = z.optional(z.nullable(z.string()));

/** The `data` of a successful contact or organization upsert. Unknown keys are kept. */
export const upsertedRecordSchema = z.looseObject({
  uuid: z.optional(z.string()),
  external_id: z.string(),
  name: nullableString,
  email: nullableString,
  phone: nullableString,
  external_organization_id: nullableString,
  status: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});

export type UpsertedRecord = z.infer<typeof upsertedRecordSchema>;

export const successEnvelopeSchema = z.object({
  success: z.literal(true),
  data: upsertedRecordSchema,
  message: z.optional(z.string()),
});

/**
 * An error body. Its shape is not documented, so everything is optional: `message`, and
 * per-field messages either as `errors: { field: [messages] }` or `errors: { field: message }`.
 */
export const errorEnvelopeSchema = z.looseObject({
  success: z.optional(z.boolean()),
  message: z.optional(z.string()),
  errors: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
});
