import { describe, expect, it } from 'vitest';
import { captureValues } from '../../lib/capture';
import { extractFromDocument, extractFromText } from '../../lib/extract';
import { parseLocality } from '../../lib/extract/postcode';

const URL = 'https://mail.google.com/mail/u/0/#inbox/abc';

describe('sign-off abbreviations', () => {
  it.each([
    ['Gr. Jan', 'Jan'],
    ['Gr Jan', 'Jan'],
    ['Grt. Jan', 'Jan'],
    ['Mvg, Piet', 'Piet'],
    ['Mvg Piet', 'Piet'],
    ['M.v.g. Piet', 'Piet'],
    ['Groet, Jan de Vries', 'Jan de Vries'],
  ])('reads the name after "%s"', (closing, name) => {
    const text = `Hoi Mark,\n\nPrima, dan zien we elkaar dinsdag.\n\n${closing}`;

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe(name);
    expect(capture.fields.jobTitle).toBeUndefined();
    expect(capture.fields.organization).toBeUndefined();
  });

  it('reads the signature below "Gr.,"', () => {
    const text = 'Hoi Mark,\n\nKun je de offerte nakijken?\n\nGr.,\nJan de Vries\nProjectleider\nDe Vries Installatietechniek B.V.\nTel: 030 234 56 78';

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual({
      name: 'Jan de Vries',
      phone: '+31302345678',
      country: 'NL',
      organization: 'De Vries Installatietechniek B.V.',
      jobTitle: 'Projectleider',
    });
  });

  it('extends "Gr. Jan" with the full name below', () => {
    const text = 'Hoi Mark,\n\nKun je de offerte nakijken?\n\nGr. Jan\n\nJan de Vries\nj.devries@devries-installatie.example';

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Jan de Vries');
    expect(capture.fields.email?.value).toBe('j.devries@devries-installatie.example');
  });

  it('keeps a place after "Groeten uit" out of the name', () => {
    const capture = extractFromText('Hoi Mark,\n\nTot morgen!\n\nGroeten uit Amsterdam', URL);

    // Neither the place nor the greeting is a name.
    expect(capture.fields.name).toBeUndefined();
  });
});

describe('phone country from the signature address', () => {
  function signature(addressLines: string[], phoneLine: string): string {
    return ['Dag Sarah,', '', 'Bedankt voor de snelle reactie.', '', 'Met vriendelijke groeten,', 'Wouter Peeters', 'Peeters Schrijnwerk', ...addressLines, phoneLine].join('\n');
  }

  it.each([
    [['Lange Lobroekstraat 12', '2060 Antwerpen']],
    [['Kerkstraat 3, 1000 Brussel']],
    [['Rue Haute 8', '1000 Bruxelles']],
    [['Veldstraat 40', '9000 Gent']],
    [['Kerkstraat 3', '9990 Maldegem', 'België']],
    [['Kerkstraat 3', '9991 Adegem', 'Belgium']],
  ])('reads a national mobile number as Belgian below %j', (addressLines) => {
    const capture = extractFromText(signature(addressLines, 'GSM: 0475 12 34 56'), URL);

    expect(capture.fields.phone?.value).toBe('+32475123456');
    expect(capture.fields.country?.value).toBe('BE');
  });

  it('keeps a Dutch address Dutch', () => {
    const capture = extractFromText(signature(['Kerkstraat 3', '1012 AB Amsterdam'], 'Tel: 0475 12 34 56'), URL);

    expect(capture.fields.phone?.value).toBe('+31475123456');
    expect(capture.fields.country?.value).toBe('NL');
  });

  it('reads a Dutch mobile number below a Belgian address', () => {
    const capture = extractFromText(signature(['Lange Lobroekstraat 12', '2060 Antwerpen'], 'Mobiel: 06 12 34 56 78'), URL);

    expect(capture.fields.phone?.value).toBe('+31612345678');
    expect(capture.fields.country?.value).toBe('BE');
  });

  it('reads a Belgian number on a page without a language', () => {
    const document = new DOMParser().parseFromString(
      '<html><body><main><h1>Contact</h1><p>Lange Lobroekstraat 12<br>2060 Antwerpen</p><p>GSM: 0475 12 34 56</p><p>E-mail: <a href="mailto:info@peeters-schrijnwerk.example">info@peeters-schrijnwerk.example</a></p></main></body></html>',
      'text/html',
    );

    const capture = extractFromDocument(document, 'https://www.peeters-schrijnwerk.example/contact');

    expect(capture.fields.phone?.value).toBe('+32475123456');
    expect(capture.fields.country?.value).toBe('BE');
  });
});

describe('parseLocality Belgian cities', () => {
  it.each([
    ['2000 Antwerpen', 'BE'],
    ['1000 Brussel', 'BE'],
    ['4000 Liège', 'BE'],
    ['4000 Liege', 'BE'],
    ['9100 Sint-Niklaas', 'BE'],
    ['1012 AB Amsterdam', 'NL'],
    ['1000 Lausanne', undefined],
    ['5751 Deurne', undefined],
    ['5003 Bergen', undefined],
  ])('gives "%s" the country %s', (text, country) => {
    expect(parseLocality(text)?.country).toBe(country);
  });
});

describe('bottom-posted replies', () => {
  const quotedMessage = [
    '> Hoi Daan,',
    '>',
    '> Kun je mij de tekeningen sturen?',
    '>',
    '> Groet,',
    '> Lotte Verhoeven',
    '> Verhoeven Architecten',
    '> 06 12 34 56 78',
  ];
  const reply = ['Hoi Lotte,', '', 'Hierbij de tekeningen.', '', 'Met vriendelijke groet,', 'Daan Smit', 'Smit Bouwadvies B.V.', 'Tel: 020 123 45 67', 'daan@smitbouwadvies.example'];

  it.each([
    ['an attribution with address', ['Op ma 3 mrt 2025 om 09:12 schreef Lotte Verhoeven <lotte@verhoeven.example>:']],
    ['a short attribution', ['Lotte Verhoeven wrote:']],
    ['no attribution', []],
  ])('reads the reply below the quote after %s', (_, attribution) => {
    const text = [...attribution, ...quotedMessage, '', ...reply].join('\n');

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual({
      name: 'Daan Smit',
      email: 'daan@smitbouwadvies.example',
      phone: '+31201234567',
      country: 'NL',
      organization: 'Smit Bouwadvies B.V.',
    });
    expect(capture.fields.phone?.alternatives).toEqual([]);
  });

  it('lists the quoted sender as another person', () => {
    const text = ['Op ma 3 mrt 2025 om 09:12 schreef Lotte Verhoeven <lotte@verhoeven.example>:', ...quotedMessage, '', ...reply].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.people).toEqual([{ name: 'Lotte Verhoeven', email: 'lotte@verhoeven.example' }]);
  });

  it('reads replies written between quotes', () => {
    const text = [
      'Lotte Verhoeven wrote:',
      '> Kun je mij de tekeningen sturen?',
      '',
      'Ja, zie de bijlage.',
      '',
      '> En wanneer kom je langs?',
      '',
      'Donderdag om 10:00.',
      '',
      'Met vriendelijke groet,',
      'Daan Smit',
      'daan@smitbouwadvies.example',
    ].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Daan Smit');
    expect(capture.fields.email?.value).toBe('daan@smitbouwadvies.example');
  });

  it('still reads a selection of only quoted lines', () => {
    const capture = extractFromText(quotedMessage.join('\n'), URL);

    expect(capture.fields.name?.value).toBe('Lotte Verhoeven');
    expect(capture.fields.phone?.value).toBe('+31612345678');
  });

  it('still reads a top-posted reply above the quote', () => {
    const text = [...reply, '', 'Op ma 3 mrt 2025 om 09:12 schreef Lotte Verhoeven <lotte@verhoeven.example>:', ...quotedMessage].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Daan Smit');
    expect(capture.fields.phone?.value).toBe('+31201234567');
  });
});

describe('forwarded messages', () => {
  const forwardedBody = ['Beste Tom,', '', 'Graag ontvang ik een offerte voor tien pallets.', '', 'Met vriendelijke groet,', 'Femke de Boer', 'Inkoper', 'De Boer Logistiek B.V.', 'Tel: 010 123 45 67'];
  const femke = {
    name: 'Femke de Boer',
    email: 'femke@deboerlogistiek.example',
    phone: '+31101234567',
    country: 'NL',
    organization: 'De Boer Logistiek B.V.',
    jobTitle: 'Inkoper',
  };

  it.each([
    [
      'Gmail in English',
      ['---------- Forwarded message ---------', 'From: Femke de Boer <femke@deboerlogistiek.example>', 'Date: Mon, 3 Mar 2025 at 10:12', 'Subject: Offerte', 'To: Tom Bakker <tom@bakkerbv.example>'],
    ],
    [
      'Gmail in Dutch',
      ['---------- Doorgestuurd bericht ---------', 'Van: Femke de Boer <femke@deboerlogistiek.example>', 'Date: ma 3 mrt 2025 om 10:12', 'Subject: Offerte', 'To: Tom Bakker <tom@bakkerbv.example>'],
    ],
    [
      'Apple Mail',
      ['Begin forwarded message:', '', 'From: Femke de Boer <femke@deboerlogistiek.example>', 'Subject: Offerte', 'Date: 3 March 2025 at 10:12:00 CET', 'To: Tom Bakker <tom@bakkerbv.example>'],
    ],
  ])('reads an unsigned forward from %s', (_, header) => {
    const text = ['Hoi Karin,', '', 'Zie hieronder, kun jij dit oppakken?', '', ...header, '', ...forwardedBody].join('\n');

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual(femke);
    expect(capture.people).toEqual([{ name: 'Tom Bakker', email: 'tom@bakkerbv.example' }]);
  });

  it('reads the forwarder who signed', () => {
    const text = [
      'Hoi Karin,',
      '',
      'Zie hieronder, kun jij dit oppakken?',
      '',
      'Groet,',
      'Tom Bakker',
      'Bakker Transport B.V.',
      '06 98 76 54 32',
      '',
      '---------- Forwarded message ---------',
      'From: Femke de Boer <femke@deboerlogistiek.example>',
      'Subject: Offerte',
      'To: Tom Bakker <tom@bakkerbv.example>',
      '',
      ...forwardedBody,
    ].join('\n');

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual({
      name: 'Tom Bakker',
      email: 'tom@bakkerbv.example',
      phone: '+31698765432',
      country: 'NL',
      organization: 'Bakker Transport B.V.',
    });
  });

  it('reads a forward without any signature from its header', () => {
    const text = ['FYI', '', '---------- Forwarded message ---------', 'From: Femke de Boer <femke@deboerlogistiek.example>', 'Subject: Offerte', '', 'Graag ontvang ik een offerte voor tien pallets.'].join('\n');

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual({ name: 'Femke de Boer', email: 'femke@deboerlogistiek.example' });
  });

  it('takes the full name from the forwarded header', () => {
    const text = ['FYI', '', 'Begin forwarded message:', '', 'From: Oliver Grant <oliver@harbourline.example>', '', 'Hi Emma,', '', 'Could you send us a quote?', '', 'Thanks,', 'Oliver'].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Oliver Grant');
    expect(capture.fields.email?.value).toBe('oliver@harbourline.example');
  });

  it('reads a selection that starts at the separator', () => {
    const text = ['---------- Forwarded message ---------', 'From: Femke de Boer <femke@deboerlogistiek.example>', 'Subject: Offerte', '', ...forwardedBody].join('\n');

    const capture = extractFromText(text, URL);

    expect(captureValues(capture)).toEqual(femke);
  });

  it('keeps addresses in the forwarder note out of the contact', () => {
    const text = ['Karin, mail jij naar planning@bakkerbv.example?', '', '---------- Forwarded message ---------', 'From: Femke de Boer <femke@deboerlogistiek.example>', '', ...forwardedBody].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.email?.value).toBe('femke@deboerlogistiek.example');
    expect(capture.fields.email?.alternatives).toEqual([]);
  });
});

describe('names with words that are also header labels', () => {
  it.each([
    ['An Claes', 'Projectleider'],
    ['Karl von Habsburg', 'Projectleider'],
    ['Jan aan de Stegge', 'Adviseur'],
  ])('reads "%s" as the name', (name, jobTitle) => {
    const text = `Met vriendelijke groet,\n\n${name}\n${jobTitle}\nClaes Bouw BV\ncontact@claesbouw.be`;

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe(name);
    expect(capture.fields.jobTitle?.value).toBe(jobTitle);
  });

  it('reads no name from a German address line', () => {
    const text = 'Mit freundlichen Grüßen\n\nAn Herrn Müller\nkontakt@example.de';

    const capture = extractFromText(text, URL);

    expect(capture.fields.name).toBeUndefined();
  });
});

describe('German managing directors', () => {
  it('reads "Geschäftsführer" below the name as the job title', () => {
    const text = 'Mit freundlichen Grüßen\n\nKarl Huber\nGeschäftsführer\nHuber Consulting GmbH\nkarl@huber-consulting.de';

    const capture = extractFromText(text, URL);

    expect(capture.fields.jobTitle?.value).toBe('Geschäftsführer');
    expect(capture.fields.organization?.value).toBe('Huber Consulting GmbH');
  });

  it('keeps the legal notice line out of the contact', () => {
    const text = 'Mit freundlichen Grüßen\n\nKarl Huber\nHuber Consulting GmbH\nkarl@huber-consulting.de\n\nGeschäftsführer: Karl Huber, Anna Berg\nAmtsgericht München HRB 123456';

    const capture = extractFromText(text, URL);

    expect(capture.fields.jobTitle).toBeUndefined();
    expect(capture.fields.organization?.value).toBe('Huber Consulting GmbH');
  });
});

describe('country for national phone numbers', () => {
  const belgian = 'Met vriendelijke groet,\n\nKoen Peeters\nkoen@peetersbouw.example\n03 234 56 78';

  it('tries the user default country after the text language', () => {
    const capture = extractFromText(belgian, URL, { fallbackCountry: 'BE' });

    expect(capture.fields.phone?.value).toBe('+3232345678');
  });

  it('keeps the language country ahead of the user default', () => {
    const dutch = 'Met vriendelijke groet,\n\nJan de Vries\njan@devries.example\n020 123 4567';

    const capture = extractFromText(dutch, URL, { fallbackCountry: 'BE' });

    expect(capture.fields.phone?.value).toBe('+31201234567');
  });

  it('reads the country of a Belgian e-mail domain before the language', () => {
    const text = 'Met vriendelijke groet,\n\nSofie Claes\nsofie@claes.be\nTel 09 233 45 67';

    const capture = extractFromText(text, URL, { fallbackCountry: 'NL' });

    expect(capture.fields.phone?.value).toBe('+3292334567');
  });

  it('uses the user default on a page without a language', () => {
    const page = new DOMParser().parseFromString('<footer><p>Bel ons: <a href="tel:032345678">03 234 56 78</a></p></footer>', 'text/html');

    const capture = extractFromDocument(page, 'https://example.org/', { fallbackCountry: 'BE' });

    expect(capture.fields.phone?.value).toBe('+3232345678');
  });
});

describe('country of the forwarded sender', () => {
  it('reads the forwarded sender domain for a national number', () => {
    const text = [
      'Zie hieronder.',
      '',
      'Begin doorgestuurd bericht:',
      '',
      'Van: Karel Wouters <karel@wouters.be>',
      'Onderwerp: Offerte',
      'Aan: Anna Smit <anna@smit.example>',
      '',
      'Dag Anna,',
      '',
      'Kun je mij bellen over de offerte?',
      '',
      'Mvg',
      'Karel Wouters',
      '0476 55 66 77',
    ].join('\n');

    const capture = extractFromText(text, URL, { fallbackCountry: 'NL' });

    expect(capture.fields.name?.value).toBe('Karel Wouters');
    expect(capture.fields.email?.value).toBe('karel@wouters.be');
    expect(capture.fields.phone?.value).toBe('+32476556677');
  });
});

describe('inline replies between quotes', () => {
  it('reads the sender below a greeting and interleaved quotes', () => {
    const text = [
      'Hoi Anna,',
      '',
      '> kun je bellen?',
      '',
      'Ja, om 3 uur.',
      '',
      '> en de offerte?',
      '',
      'Komt morgen.',
      '',
      'Groet,',
      'Jan Bakker',
      'Bakker BV',
      '020 123 4567',
    ].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Jan Bakker');
    expect(capture.fields.organization?.value).toBe('Bakker BV');
    expect(capture.fields.phone?.value).toBe('+31201234567');
  });

  it('keeps a top-posted reply above its quote', () => {
    const text = ['Prima, tot dinsdag.', '', 'Groet,', 'Jan Bakker', 'jan@bakker.example', '', '> Zullen we dinsdag afspreken?', '> Anna'].join('\n');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Jan Bakker');
    expect(capture.fields.email?.value).toBe('jan@bakker.example');
  });
});

describe('title and organization lines', () => {
  it('reads a firm with the signer surname as the organization', () => {
    const capture = extractFromText('Met vriendelijke groet,\n\nWim Maes\nMaes Logistics\nB-2800 Mechelen', URL);

    expect(capture.fields.organization?.value).toBe('Maes Logistics');
    expect(capture.fields.jobTitle).toBeUndefined();
  });

  it('reads no organization from a sentence of the message', () => {
    const capture = extractFromText('Ik bel je morgen even.\n\nMvg Team Sales', URL);

    expect(capture.fields.organization).toBeUndefined();
    expect(capture.fields.jobTitle).toBeUndefined();
  });
});

describe('signatures without a closing', () => {
  it.each(['Hi,', 'Hoi,', 'Beste Tom,', 'Dear Tom,'])('reads no name from the greeting "%s"', (greeting) => {
    const capture = extractFromText(`${greeting}\n\nPlease call me.\n\nEva Jacobs\nJacobs Design\n+31 6 98765432`, URL);

    expect(capture.fields.name?.value).toBe('Eva Jacobs');
    expect(capture.fields.organization?.value).toBe('Jacobs Design');
    expect(capture.fields.jobTitle).toBeUndefined();
  });
});

describe('Outlook forwards', () => {
  const forward = (separator: string[]) =>
    [
      'Hoi Tom,',
      '',
      'Kun jij dit oppakken?',
      '',
      ...separator,
      'Van: Karel Wouters <karel@wouters.be>',
      'Verzonden: donderdag 3 december 2026 10:12',
      'Aan: Anna Smit <anna@smit.example>',
      'Onderwerp: Doorst: Offerte',
      '',
      'Dag Anna,',
      '',
      'Kun je mij bellen over de offerte?',
      '',
      'Met vriendelijke groet,',
      'Karel Wouters',
      'Wouters Bouw BV',
      '0476 55 66 77',
    ].join('\n');

  it.each([
    ['an underscore line', ['________________________________']],
    ['no separator', []],
  ])('reads the forwarded sender below %s', (_case, separator) => {
    const capture = extractFromText(forward(separator), URL, { fallbackCountry: 'NL' });

    expect(capture.fields.name?.value).toBe('Karel Wouters');
    expect(capture.fields.email?.value).toBe('karel@wouters.be');
    expect(capture.fields.phone?.value).toBe('+32476556677');
  });

  it('reads a reply with the same header block as a reply', () => {
    const text = forward(['________________________________']).replace('Doorst: Offerte', 'RE: Offerte').replace('Hoi Tom,\n\nKun jij dit oppakken?', 'Prima.\n\nGroet,\nTom Jansen\ntom@jansen.example');

    const capture = extractFromText(text, URL);

    expect(capture.fields.name?.value).toBe('Tom Jansen');
  });
});
