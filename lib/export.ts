import type { HistoryEntry } from './history';

/** Columns of the CSV export, named after the Thalamus API fields. */
const CSV_COLUMNS = [
  'sent_at',
  'external_id',
  'name',
  'email',
  'phone',
  'address',
  'zip',
  'city',
  'country',
  'external_organization_id',
  'organization',
  'linkedin',
  'status',
  'comment',
  'result',
] as const;

/** Writes the entries as RFC 4180 CSV with a header row and CRLF line ends. */
export function historyToCsv(entries: HistoryEntry[]): string {
  const rows = entries.map((entry) => {
    const body = entry.body ?? {};
    const values: Record<(typeof CSV_COLUMNS)[number], string | undefined> = {
      sent_at: new Date(entry.sentAt).toISOString(),
      external_id: entry.externalId,
      name: body.name ?? entry.name,
      email: body.email ?? entry.email,
      phone: body.phone ?? entry.phone,
      address: body.address,
      zip: body.zip,
      city: body.city,
      country: body.country,
      external_organization_id: body.external_organization_id ?? entry.organizationExternalId,
      organization: entry.organization?.body.name,
      linkedin: entry.linkedin,
      status: body.status,
      comment: body.comment,
      result: String(entry.status),
    };
    return CSV_COLUMNS.map((column) => csvField(values[column] ?? '')).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  // A leading =, +, - or @ makes a spreadsheet evaluate the cell as a formula. A plain number
  // such as an E.164 phone number is no formula and stays as it is.
  const isNumber = /^[+-]?\d+$/.test(value);
  const safe = !isNumber && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Writes the entries as vCard 4.0 (RFC 6350), one card per contact, with CRLF line ends. */
export function historyToVCard(entries: HistoryEntry[]): string {
  return entries.map(vCard).join('');
}

function vCard(entry: HistoryEntry): string {
  const body = entry.body ?? {};
  const name = body.name ?? entry.name ?? body.email ?? entry.email ?? entry.externalId;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(name)}`];
  const email = body.email ?? entry.email;
  if (email) lines.push(`EMAIL;TYPE=work:${escapeText(email)}`);
  const phone = body.phone ?? entry.phone;
  if (phone) lines.push(`TEL;VALUE=uri;TYPE=work:tel:${phone}`);
  if (body.address || body.zip || body.city || body.country) {
    // ADR components: PO box; extended address; street; locality; region; postal code; country.
    const parts = ['', '', body.address, body.city, '', body.zip, body.country].map((part) => escapeComponent(part ?? ''));
    lines.push(`ADR;TYPE=work:${parts.join(';')}`);
  }
  if (entry.organization?.body.name) lines.push(`ORG:${escapeComponent(entry.organization.body.name)}`);
  if (entry.linkedin) lines.push(`URL;TYPE=linkedin:${entry.linkedin}`);
  if (body.comment) lines.push(`NOTE:${escapeText(body.comment)}`);
  lines.push(`UID:urn:thalamus:${escapeText(entry.externalId)}`);
  lines.push(`REV:${new Date(entry.sentAt).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/,/g, '\\,');
}

function escapeComponent(value: string): string {
  return escapeText(value).replace(/;/g, '\\;');
}

/** Folds a content line longer than 75 octets, as RFC 6350 section 3.2 requires. */
function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;

  const parts: string[] = [];
  let current = '';
  for (const character of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (encoder.encode(current + character).length > limit) {
      parts.push(current);
      current = '';
    }
    current += character;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
