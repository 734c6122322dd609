// Plain constants, kept apart from the zod schemas in capture.ts so that the extraction engine
// and the injected capture script can use them without bundling zod.

/** Contact fields an extractor can find. The last four have no field in the Thalamus contact. */
export const CAPTURE_FIELDS = [
  'name',
  'email',
  'phone',
  'address',
  'zip',
  'city',
  'country',
  'organization',
  'jobTitle',
  'website',
  'linkedin',
] as const;

export type CaptureField = (typeof CAPTURE_FIELDS)[number];

/** Kind of source a captured value was read from; each has a label in the locale files. */
export const SOURCE_KINDS = [
  'selection',
  'signature',
  'webmail-header',
  'linkedin',
  'json-ld',
  'microdata',
  'hcard',
  'mailto',
  'tel',
  'page-text',
  'page-url',
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

// Bounds for values that cross from a page into the extension. A page can make any text
// arbitrarily long, and nothing legitimate in a contact field comes near these sizes.
export const MAX_FIELD_LENGTH = 2_000;
