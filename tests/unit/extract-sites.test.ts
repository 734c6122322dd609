import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { captureValues } from '../../lib/capture';
import { extractFromDocument } from '../../lib/extract';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

function loadFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Parses a fixture the way the command-line tool does: no script, no resource loading. */
function parseDetached(html: string): { document: Document; window: Window } {
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, window };
}

describe('Gmail fixture', () => {
  const { document, window } = parseDetached(loadFixture('gmail-thread.html'));
  const capture = extractFromDocument(document, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQfixture');
  const values = captureValues(capture);

  it('reads the latest sender in natural order', () => {
    expect(values.name).toBe('Joost Vermeer');
    expect(capture.fields.name?.provenance.source).toBe('webmail-header');
  });

  it('reads the signature of the latest message', () => {
    expect(values.email).toBe('joost@vermeer-dakwerken.example');
    expect(values.phone).toBe('+31345123456');
    expect(capture.fields.phone?.alternatives.map((alternative) => alternative.value)).toEqual(['+31698765432']);
    expect(values.organization).toBe('Vermeer Dakwerken vof');
    expect(values.jobTitle).toBe('Eigenaar');
    expect(values.website).toBe('https://www.vermeer-dakwerken.example');
    expect(values.linkedin).toBe('https://www.linkedin.com/in/joostvermeer-dak');
  });

  it('prefers the visiting address over the PO box', () => {
    expect(values.address).toBe('Industrieweg 7-B');
    expect(values.zip).toBe('4104 AR');
    expect(values.city).toBe('Culemborg');
    expect(values.country).toBe('NL');
  });

  it('lists the quoted sender as another person', () => {
    expect(capture.people).toContainEqual({ name: 'Lotte Bakker', email: 'lotte.bakker.werk@gmail.com' });
  });

  it('runs no page script', () => {
    expect((window as unknown as Record<string, unknown>)['__fixturePwned']).toBeUndefined();
  });
});

describe('Outlook fixture', () => {
  const { document } = parseDetached(loadFixture('outlook-message.html'));
  const capture = extractFromDocument(document, 'https://outlook.office.com/mail/inbox/id/AAQkFixture');
  const values = captureValues(capture);

  it('reads the sender, not the account owner', () => {
    expect(values.name).toBe('Felix Brandt');
    expect(values.email).toBe('felix.brandt@nordwaerme.example');
  });

  it('reads the signature above the quoted reply', () => {
    expect(values).toMatchObject({
      phone: '+4942155667712',
      organization: 'Nordwärme Anlagenbau GmbH',
      jobTitle: 'Leiter Vertrieb Nord',
      address: 'Hafenstraße 3a',
      zip: '28217',
      city: 'Bremen',
      country: 'DE',
    });
  });

  it('takes nothing from the legal line', () => {
    expect(JSON.stringify(capture.fields)).not.toContain('Lindqvist');
  });
});

describe('LinkedIn fixture', () => {
  const { document } = parseDetached(loadFixture('linkedin-profile.html'));
  const capture = extractFromDocument(document, 'https://de.linkedin.com/in/miriam-krueger-lean/overlay/contact-info/?trk=x');
  const values = captureValues(capture);

  it('reads the profile owner, not the viewer', () => {
    expect(values.name).toBe('Miriam Krüger');
    expect(values.linkedin).toBe('https://www.linkedin.com/in/miriam-krueger-lean');
  });

  it('reads the current position', () => {
    expect(values.jobTitle).toBe('Leiterin Operational Excellence');
    expect(values.organization).toBe('Isarwerk Präzisionsteile GmbH');
  });

  it('reads location and contact info', () => {
    expect(values.city).toBe('München');
    expect(values.country).toBe('DE');
    expect(values.email).toBe('m.krueger@isarwerk.example');
    expect(values.phone).toBe('+49894455667');
  });
});
