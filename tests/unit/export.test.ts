import { describe, expect, it } from 'vitest';
import { filterEntries } from '@/components/HistoryPage';
import { historyToCsv, historyToVCard } from '@/lib/export';
import type { HistoryEntry } from '@/lib/history';

const SENT_AT = Date.parse('2026-12-04T10:00:00Z');

const ENTRY: HistoryEntry = {
  externalId: 'C-1',
  name: 'Sanne de Vries',
  email: 'sanne@brouwerveld.nl',
  phone: '+31201234567',
  sentAt: SENT_AT,
  status: 201,
  body: {
    name: 'Sanne de Vries',
    email: 'sanne@brouwerveld.nl',
    phone: '+31201234567',
    address: 'Keizersgracht 100',
    zip: '1015 AA',
    city: 'Amsterdam',
    country: 'NL',
    comment: 'Functie: Projectleider, bouw\nBron: e-mail',
  },
  organization: { externalId: 'O-1', body: { name: 'Brouwerveld; Bouwadvies B.V.' } },
};

describe('historyToCsv', () => {
  it('writes a header and one row per entry', () => {
    const lines = historyToCsv([ENTRY]).split('\r\n');

    expect(lines[0]).toBe(
      'sent_at,external_id,name,email,phone,address,zip,city,country,external_organization_id,organization,linkedin,status,comment,result',
    );
    expect(lines[1]).toContain('2026-12-04T10:00:00.000Z,C-1,Sanne de Vries,sanne@brouwerveld.nl,+31201234567,Keizersgracht 100,1015 AA,Amsterdam,NL');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    const csv = historyToCsv([{ ...ENTRY, body: { ...ENTRY.body, name: 'Vries, "Sanne" de' } }]);

    expect(csv).toContain('"Vries, ""Sanne"" de"');
    expect(csv).toContain('"Functie: Projectleider, bouw\nBron: e-mail"');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    const csv = historyToCsv([{ ...ENTRY, body: { name: '=HYPERLINK("http://evil.example")' } }]);

    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('historyToVCard', () => {
  const card = historyToVCard([ENTRY]);

  it('writes a vCard 4.0 with CRLF line ends', () => {
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('has the name, email, phone, address and organization', () => {
    expect(card).toContain('FN:Sanne de Vries\r\n');
    expect(card).toContain('EMAIL;TYPE=work:sanne@brouwerveld.nl\r\n');
    expect(card).toContain('TEL;VALUE=uri;TYPE=work:tel:+31201234567\r\n');
    expect(card).toContain('ADR;TYPE=work:;;Keizersgracht 100;Amsterdam;;1015 AA;NL\r\n');
    expect(card).toContain('ORG:Brouwerveld\\; Bouwadvies B.V.\r\n');
  });

  it('escapes line breaks and commas in text', () => {
    expect(card).toContain('NOTE:Functie: Projectleider\\, bouw\\nBron: e-mail');
  });

  it('folds lines longer than 75 octets', () => {
    const long = historyToVCard([{ ...ENTRY, body: { ...ENTRY.body, comment: 'é'.repeat(100) } }]);

    for (const line of long.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(long).toContain('\r\n é');
  });
});

describe('filterEntries', () => {
  const entries: HistoryEntry[] = [
    ENTRY,
    { externalId: 'C-2', name: 'Zoë Müller', email: 'zoe@example.de', sentAt: SENT_AT, status: 200 },
  ];

  it('matches name or email words in any order, ignoring case and accents', () => {
    expect(filterEntries(entries, 'vries SANNE').map((entry) => entry.externalId)).toEqual(['C-1']);
    expect(filterEntries(entries, 'zoe muller').map((entry) => entry.externalId)).toEqual(['C-2']);
    expect(filterEntries(entries, 'example.de').map((entry) => entry.externalId)).toEqual(['C-2']);
  });

  it('returns everything for an empty query', () => {
    expect(filterEntries(entries, '  ')).toHaveLength(2);
  });
});
