import * as z from 'zod/mini';

import { CAPTURE_FIELDS, MAX_FIELD_LENGTH, SOURCE_KINDS, type CaptureField } from './capture-fields';

export { CAPTURE_FIELDS, MAX_FIELD_LENGTH, SOURCE_KINDS, type CaptureField, type SourceKind } from './capture-fields';

const MAX_ALTERNATIVES = 10;
const MAX_PEOPLE = 20;

const boundedText = z.string().check(z.maxLength(MAX_FIELD_LENGTH));

export const provenanceSchema = z.object({
  source: z.enum(SOURCE_KINDS),
  /** 1-based line in the text the value came from, for text sources. */
  line: z.optional(z.number().check(z.int(), z.positive())),
});

export type Provenance = z.infer<typeof provenanceSchema>;

export const candidateSchema = z.object({
  value: boundedText,
  provenance: provenanceSchema,
});

export type Candidate = z.infer<typeof candidateSchema>;

export const capturedFieldSchema = z.object({
  value: boundedText,
  provenance: provenanceSchema,
  /** Other values found for the same field, offered as choices in the review form. */
  alternatives: z.array(candidateSchema).check(z.maxLength(MAX_ALTERNATIVES)),
});

export type CapturedField = z.infer<typeof capturedFieldSchema>;

const fieldMapShape = Object.fromEntries(
  CAPTURE_FIELDS.map((field) => [field, z.optional(capturedFieldSchema)]),
) as Record<CaptureField, z.ZodMiniOptional<typeof capturedFieldSchema>>;

export const capturedFieldsSchema = z.object(fieldMapShape);

export type CapturedFields = z.infer<typeof capturedFieldsSchema>;

/** Another person found on the page, such as an earlier sender in a thread. */
export const personSchema = z.object(
  Object.fromEntries(CAPTURE_FIELDS.map((field) => [field, z.optional(boundedText)])) as Record<
    CaptureField,
    z.ZodMiniOptional<typeof boundedText>
  >,
);

export type Person = z.infer<typeof personSchema>;

/** Result of one extraction run over a page or a text. */
export const captureSchema = z.object({
  url: boundedText,
  title: z.optional(boundedText),
  fields: capturedFieldsSchema,
  people: z.optional(z.array(personSchema).check(z.maxLength(MAX_PEOPLE))),
  /** Set when the page or text exceeded an extraction limit and only its first part was read. */
  truncated: z.optional(z.boolean()),
});

export type Capture = z.infer<typeof captureSchema>;

/** Reads the plain value of each captured field, as the command-line extractor prints it. */
export function captureValues(capture: Capture): Partial<Record<CaptureField, string>> {
  const values: Partial<Record<CaptureField, string>> = {};
  for (const field of CAPTURE_FIELDS) {
    const captured = capture.fields[field];
    if (captured) values[field] = captured.value;
  }
  return values;
}
