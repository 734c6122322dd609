import type { CaptureField, Person, Provenance, SourceKind } from '../capture';

/** One value an extractor found for a field, with where it came from. */
export interface Found {
  value: string;
  provenance: Provenance;
}

/** Values found for each field by one extractor, best first. */
export type FoundFields = Partial<Record<CaptureField, Found[]>>;

/**
 * Output of one extractor. `role` tells the merge step whether the values describe a person
 * or only the organization around them (a switchboard, a footer address), which ranks lower.
 */
export interface ExtractorResult {
  role: 'person' | 'organization';
  fields: FoundFields;
  people?: Person[];
}

// Values kept per field and extractor. Merging keeps a value and ten alternatives per field,
// and a page with thousands of addresses would otherwise make merging quadratic.
const MAX_VALUES_PER_FIELD = 50;

/** Collects found values per field, dropping empty values, exact repeats and values past the fiftieth. */
export class FieldCollector {
  readonly fields: FoundFields = {};

  constructor(private readonly source: SourceKind) {}

  add(field: CaptureField, value: string | null | undefined, line?: number): void {
    const trimmed = value?.trim();
    if (!trimmed) return;
    const list = (this.fields[field] ??= []);
    if (list.length >= MAX_VALUES_PER_FIELD || list.some((found) => found.value === trimmed)) return;
    const provenance: Provenance = line === undefined ? { source: this.source } : { source: this.source, line };
    list.push({ value: trimmed, provenance });
  }

  has(field: CaptureField): boolean {
    return (this.fields[field]?.length ?? 0) > 0;
  }

  first(field: CaptureField): string | undefined {
    return this.fields[field]?.[0]?.value;
  }
}

/** Runs an extractor and turns any exception into "found nothing", so one bad block never fails a capture. */
export function safely<T>(extract: () => T, fallback: T): T {
  try {
    return extract();
  } catch {
    return fallback;
  }
}
