import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureValues } from '../../lib/capture';
import { extractFromDocument, extractFromMailtoUrl, extractFromText } from '../../lib/extract';

const URL = 'https://mail.google.com/mail/u/0/#inbox/abc';

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractFromText', () => {
  it('reads a Dutch signature with labels', () => {
    const text = [
      'Hoi Mark,',
      '',
      'Hierbij de offerte. Laat maar weten als je nog vragen hebt over de planning van volgende week.',
      '',
      'Met vriendelijke groet,',
      '',
      'Femke Jansen',
      'Projectleider',
      'Dijkstra Installatietechniek B.V.',
      'Prinsengracht 12',
      '1015 DV Amsterdam',
      'T: +31 (0)20 765 43 21',
      'M: +31 (0)6 11 22 33 44',
      'E: f.jansen@dijkstra-installatie.example',
    ].join('\n');

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual({
      name: 'Femke Jansen',
      email: 'f.jansen@dijkstra-installatie.example',
      phone: '+31207654321',
      address: 'Prinsengracht 12',
      zip: '1015 DV',
      city: 'Amsterdam',
      country: 'NL',
      organization: 'Dijkstra Installatietechniek B.V.',
      jobTitle: 'Projectleider',
    });
    expect(capture.fields.phone?.alternatives.map((alternative) => alternative.value)).toEqual(['+31611223344']);
    expect(capture.fields.name?.provenance).toEqual({ source: 'selection', line: 7 });
    expect(capture.fields.email?.provenance).toEqual({ source: 'selection', line: 14 });
  });

  it('offers a second email as an alternative', () => {
    const capture = extractFromText('Kind regards,\nTom Baker\ntom@baker.example\nsales@baker.example', URL);

    expect(capture.fields.email?.value).toBe('tom@baker.example');
    expect(capture.fields.email?.alternatives).toEqual([{ value: 'sales@baker.example', provenance: { source: 'selection', line: 4 } }]);
  });

  it('finds a bare email and phone in a selection', () => {
    const capture = extractFromText('anna.berg@example.de\n+49 30 1234567', URL);

    expect(captureValues(capture)).toMatchObject({ email: 'anna.berg@example.de', phone: '+49301234567', country: 'DE' });
  });

  it('ignores the quoted message of an earlier sender', () => {
    const text = [
      'Prima, tot dinsdag.',
      '',
      'Groet,',
      'Sven Mulder',
      '06 12 34 56 78',
      '',
      'Op ma 3 mrt 2025 om 09:12 schreef Lieke de Wit <lieke@dewit.example>:',
      '> Hoi Sven,',
      '> Met vriendelijke groet,',
      '> Lieke de Wit',
      '> T 010 555 12 34',
    ].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Sven Mulder');
    expect(capture.fields.phone?.value).toBe('+31612345678');
    expect(capture.people).toEqual([{ name: 'Lieke de Wit', email: 'lieke@dewit.example' }]);
  });

  it('skips a fax number and registration numbers', () => {
    const text = 'Mit freundlichen Grüßen\nJonas Weber\nTelefax 040 123456-99\nTelefon 040 123456-20\nHRB 12345 Amtsgericht Hamburg\nIBAN DE89 3704 0044 0532 0130 00';

    const capture = extractFromText(text, URL);

    expect(capture.fields.phone?.value).toBe('+494012345620');
    expect(capture.fields.phone?.alternatives).toEqual([]);
  });

  it('reads a date as no phone', () => {
    const capture = extractFromText('Bijgewerkt op 06-03-2025 om 10:15, bereidingstijd 20-30 minuten.', URL);

    expect(capture.fields.phone).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(() => extractFromText(text, URL)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('extractFromText language cues', () => {
  it.each([
    ['Dank je!\n\nMvg,\n\nJan Bakker\n06-12345678', '+31612345678'],
    ['Hallo Piet,\n\nMvg,\nJan Bakker\n020-1234567', '+31201234567'],
  ])('reads Dutch national numbers in %j as Dutch', (text, phone) => {
    const values = captureValues(extractFromText(text, 'https://mail.google.com/mail/u/0/'));

    expect(values.phone).toBe(phone);
    expect(values.country).toBe('NL');
  });
});

describe('extractFromDocument', () => {
  it('reads mailto and tel links on a page', () => {
    const document = parseHtml(
      '<html lang="nl"><body><main><h1>Contact</h1><p>Bel <a href="tel:+31201234567">020 123 4567</a> of mail <a href="mailto:info@voorbeeld.example">info@voorbeeld.example</a></p></main></body></html>',
    );

    const capture = extractFromDocument(document, 'https://www.voorbeeld.example/contact');

    expect(capture.fields.email).toEqual({ value: 'info@voorbeeld.example', provenance: { source: 'mailto' }, alternatives: [] });
    expect(capture.fields.phone?.value).toBe('+31201234567');
    expect(capture.fields.phone?.provenance).toEqual({ source: 'tel' });
    expect(capture.fields.name).toBeUndefined();
  });

  it('reads a schema.org Person in JSON-LD', () => {
    const document = parseHtml(`<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Person","name":"Dr. Lena Vogt","jobTitle":"Einkaufsleiterin",
       "email":"mailto:lena.vogt@example.de","telephone":"+49 (0)89 123456",
       "worksFor":{"@type":"Organization","name":"Vogt Maschinenbau GmbH"},
       "address":{"@type":"PostalAddress","streetAddress":"Leopoldstraße 8","postalCode":"80802","addressLocality":"München","addressCountry":"DE"}}
      </script></head><body></body></html>`);

    const values = captureValues(extractFromDocument(document, 'https://www.example.de/team/lena-vogt'));

    expect(values).toMatchObject({
      name: 'Lena Vogt',
      email: 'lena.vogt@example.de',
      phone: '+4989123456',
      jobTitle: 'Einkaufsleiterin',
      organization: 'Vogt Maschinenbau GmbH',
      address: 'Leopoldstraße 8',
      zip: '80802',
      city: 'München',
      country: 'DE',
    });
  });

  it('skips a malformed JSON-LD block', () => {
    const document = parseHtml(
      '<script type="application/ld+json">{"@type":"Person",}</script><script type="application/ld+json">{"@type":"Person","name":"Ada Brandt","email":"ada@brandt.example"}</script>',
    );

    const values = captureValues(extractFromDocument(document, 'https://brandt.example/'));

    expect(values.name).toBe('Ada Brandt');
    expect(values.email).toBe('ada@brandt.example');
  });

  it('uses the selection instead of page data', () => {
    const document = parseHtml('<body><a href="mailto:info@shop.example">info@shop.example</a></body>');

    const values = captureValues(extractFromDocument(document, 'https://shop.example/', { selection: 'Piet Hein\npiet@hein.example' }));

    expect(values.email).toBe('piet@hein.example');
    expect(values.name).toBe('Piet Hein');
  });

  it('returns injected markup as inert text', () => {
    const document = parseHtml('<script type="application/ld+json">{"@type":"Person","name":"Robin <img src=x onerror=alert(1)> Maas"}</script>');

    const capture = extractFromDocument(document, 'https://example.test/');

    expect(capture.fields.name?.value).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('extractFromMailtoUrl', () => {
  it('reads the name from a "Name <address>" form', () => {
    const values = captureValues(extractFromMailtoUrl('mailto:%22Jan%20de%20Vries%22%20%3Cjan@devries.example%3E?subject=Offerte'));

    expect(values).toEqual({ name: 'Jan de Vries', email: 'jan@devries.example' });
  });

  it('never reads a name from the subject', () => {
    const capture = extractFromMailtoUrl('mailto:sales@example.com?subject=Hello%20World');

    expect(captureValues(capture)).toEqual({ email: 'sales@example.com' });
    expect(capture.fields.email?.provenance).toEqual({ source: 'mailto' });
  });
});
