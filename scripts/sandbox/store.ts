import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

import * as z from 'zod/mini';

import { RECORD_FIELDS, type RecordFields, type Resource } from './validation.ts';

/**
 * A contact or organization as the sandbox stores and returns it. Every field of the
 * resource is present, and a field that was never sent is `null`. Organizations have no
 * `external_organization_id`.
 */
export interface StoredRecord {
  uuid: string;
  external_id: string;
  status: string;
  created_at: string | null;
  updated_at: string | null;
  [field: string]: string | null;
}

export interface RecordSnapshot {
  contacts: StoredRecord[];
  organizations: StoredRecord[];
}

export interface UpsertResult {
  record: StoredRecord;
  created: boolean;
}

const storedRecordSchema = z.catchall(
  z.object({
    uuid: z.string(),
    external_id: z.string(),
    status: z.string(),
    created_at: z.nullable(z.string()),
    updated_at: z.nullable(z.string()),
  }),
  z.nullable(z.string()),
);

const dataFileSchema = z.object({
  contacts: z.array(storedRecordSchema),
  organizations: z.array(storedRecordSchema),
});

/**
 * In-memory contacts and organizations keyed by external id, optionally mirrored to a JSON
 * file. The file is read once by the constructor and rewritten after every change.
 */
export class RecordStore {
  private readonly records: Record<Resource, Map<string, StoredRecord>> = {
    contact: new Map(),
    organization: new Map(),
  };

  constructor(private readonly dataFile?: string) {
    if (dataFile !== undefined && existsSync(dataFile)) {
      this.load(dataFile);
    }
  }

  /** Returns copies of the stored records of one resource, in insertion order. */
  list(resource: Resource): StoredRecord[] {
    return [...this.records[resource].values()].map((record) => ({ ...record }));
  }

  snapshot(): RecordSnapshot {
    return { contacts: this.list('contact'), organizations: this.list('organization') };
  }

  /**
   * Creates the record or updates the fields that were sent, as the API's upsert does.
   * A sent `null` clears a field, except for the timestamps, where `null` lets the sandbox
   * set the time. `updated_at` moves only when a stored value changed.
   */
  upsert(resource: Resource, externalId: string, fields: RecordFields, now = new Date()): UpsertResult {
    const timestamp = formatTimestamp(now);
    const existing = this.records[resource].get(externalId);
    const { created_at: createdAt, updated_at: updatedAt, ...sent } = fields;
    const values = withoutUndefined(sent);

    if (existing === undefined) {
      const record: StoredRecord = {
        uuid: randomUUID(),
        external_id: externalId,
        ...emptyFields(resource),
        status: 'active',
        ...values,
        created_at: createdAt ?? timestamp,
        updated_at: updatedAt ?? timestamp,
      };
      this.records[resource].set(externalId, record);
      this.save();
      return { record: { ...record }, created: true };
    }

    const updated: StoredRecord = { ...existing, ...values };
    if (createdAt != null) {
      updated.created_at = createdAt;
    }
    const changed = Object.keys(updated).some((key) => updated[key] !== existing[key]);
    if (updatedAt != null) {
      updated.updated_at = updatedAt;
    } else if (changed) {
      updated.updated_at = timestamp;
    }
    this.records[resource].set(externalId, updated);
    this.save();
    return { record: { ...updated }, created: false };
  }

  /** Removes every record and, when a data file is set, writes the empty state to it. */
  clear(): void {
    this.records.contact.clear();
    this.records.organization.clear();
    this.save();
  }

  private load(dataFile: string): void {
    let parsed: z.infer<typeof dataFileSchema>;
    try {
      parsed = dataFileSchema.parse(JSON.parse(readFileSync(dataFile, 'utf8')));
    } catch (error) {
      // Starting empty would overwrite the file at the first write, so the constructor throws.
      throw new Error(
        `Failed to load sandbox data from ${dataFile}: ${errorMessage(error)}. ` +
          'Fix or delete the file, or pass another data file.',
        { cause: error },
      );
    }
    for (const record of parsed.contacts) {
      this.records.contact.set(record.external_id, record);
    }
    for (const record of parsed.organizations) {
      this.records.organization.set(record.external_id, record);
    }
  }

  // Writes a temporary file and renames it, so that a crash mid-write never leaves a
  // truncated data file behind. The write is synchronous, so that records and file never
  // disagree when a response has been sent.
  private save(): void {
    if (this.dataFile === undefined) {
      return;
    }
    const temporaryFile = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(temporaryFile, `${JSON.stringify(this.snapshot(), null, 2)}\n`);
    renameSync(temporaryFile, this.dataFile);
  }
}

function withoutUndefined(fields: RecordFields): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) {
      values[field] = value;
    }
  }
  return values;
}

function emptyFields(resource: Resource): Record<string, null> {
  return Object.fromEntries(RECORD_FIELDS[resource].map((field) => [field, null]));
}

/** Formats a time as the API documentation shows it: UTC, whole seconds, `Z` suffix. */
function formatTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function errorMessage(error: unknown): string {
  if (error instanceof z.core.$ZodError) {
    return `unexpected content (${error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`;
  }
  return error instanceof Error ? error.message : String(error);
}
