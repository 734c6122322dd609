import { describe, expect, it } from 'vitest';
import { captureValues } from '../../lib/capture';
import { extractFromText } from '../../lib/extract';

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

    expect(capture.fields.name?.value).not.toMatch(/Amsterdam/);
  });
});
