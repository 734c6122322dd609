import { describe, expect, it } from 'vitest';
import { checkForm, emptyFormValues, keepE164, type FormValues } from '@/lib/contact-form';
import { normalisePhone } from '@/lib/phone-normalise';

const NL = { defaultCountry: 'NL', normalisePhone };

function form(values: Partial<FormValues>): FormValues {
  return { ...emptyFormValues(), externalId: 'C-1', ...values };
}

describe('checkForm', () => {
  it('builds the request from valid values', () => {
    const check = checkForm(
      form({
        name: ' Sanne de Vries ',
        email: 'S.deVries@Example.nl',
        phone: '020 123 4567',
        zip: '1015 AA',
        country: 'nl',
        status: 'active',
      }),
      NL,
    );

    expect(check.errors).toEqual({});
    expect(check.request).toEqual({
      externalId: 'C-1',
      body: {
        name: 'Sanne de Vries',
        email: 's.devries@example.nl',
        phone: '+31201234567',
        zip: '1015 AA',
        country: 'NL',
        status: 'active',
      },
    });
  });

  it('leaves empty fields out of the body', () => {
    const check = checkForm(form({ name: 'Sanne', city: '  ' }), NL);

    expect(check.request?.body).toEqual({ name: 'Sanne' });
  });

  it('maps the organization id to its API name', () => {
    const check = checkForm(form({ name: 'Sanne', externalOrganizationId: 'ORG-5001' }), NL);

    expect(check.request?.body.external_organization_id).toBe('ORG-5001');
  });

  it('reports an invalid email', () => {
    const check = checkForm(form({ email: 'sanne@' }), NL);

    expect(check.errors.email).toBe('invalid-email');
    expect(check.request).toBeUndefined();
  });

  it('reports an invalid phone', () => {
    expect(checkForm(form({ name: 'S', phone: '12' }), NL).errors.phone).toBe('invalid-phone');
  });

  it('reports a country that is not ISO 3166-1 alpha-2', () => {
    expect(checkForm(form({ name: 'S', country: 'Netherlands' }), NL).errors.country).toBe('invalid-country');
    expect(checkForm(form({ name: 'S', country: 'XX' }), NL).errors.country).toBe('invalid-country');
  });

  it('requires an external id', () => {
    expect(checkForm(form({ name: 'S', externalId: ' ' }), NL).errors.externalId).toBe('required');
  });

  it('requires a name or an email', () => {
    const check = checkForm(form({ phone: '+31201234567' }), NL);

    expect(check.identifiesContact).toBe(false);
    expect(check.request).toBeUndefined();
  });

  it('reports an overlong field', () => {
    expect(checkForm(form({ name: 'x'.repeat(256) }), NL).errors.name).toBe('too-long');
  });

  it('uses the form country for a national phone number', () => {
    const check = checkForm(form({ name: 'S', phone: '02 511 22 33', country: 'BE' }), NL);

    expect(check.request?.body.phone).toBe('+3225112233');
  });
});

describe('checkForm organization', () => {
  const withOrganization = form({
    name: 'Sanne',
    email: 'sanne@brouwerveld.nl',
    address: 'Keizersgracht 100',
    organization: 'Brouwerveld B.V.',
    externalOrganizationId: 'O-1',
  });

  it('upserts the organization under its derived id', () => {
    const check = checkForm(withOrganization, { ...NL, derivedOrganizationId: 'O-1' });

    expect(check.request?.organization).toEqual({ externalId: 'O-1', body: { name: 'Brouwerveld B.V.' } });
    expect(check.request?.body.external_organization_id).toBe('O-1');
  });

  it('only links an organization id the user chose', () => {
    const check = checkForm(withOrganization, { ...NL, derivedOrganizationId: 'O-2' });

    expect(check.request?.organization).toBeUndefined();
    expect(check.request?.body.external_organization_id).toBe('O-1');
  });

  it('gives the organization the address when the page was its own', () => {
    const check = checkForm({ ...withOrganization, name: '', email: 'info@brouwerveld.nl' }, { ...NL, derivedOrganizationId: 'O-1' });

    expect(check.request?.organization?.body).toEqual({
      name: 'Brouwerveld B.V.',
      address: 'Keizersgracht 100',
      email: 'info@brouwerveld.nl',
    });
  });
});

describe('keepE164', () => {
  it('accepts E.164 written with separators', () => {
    expect(keepE164('+31 20 794-3150')).toBe('+31207943150');
  });

  it('rejects national numbers and text', () => {
    expect(keepE164('020 794 3150')).toBeUndefined();
    expect(keepE164('+31 (0)20 794 3150')).toBeUndefined();
    expect(keepE164('call me')).toBeUndefined();
  });
});

describe('normalisePhone', () => {
  it.each([
    ['+31 (0)20 794 3150', 'NL', '+31207943150'],
    ['06 4217 8830', 'NL', '+31642178830'],
    ['0049 30 901820', 'NL', '+4930901820'],
    ['+44 20 7946 0958', 'NL', '+442079460958'],
  ])('normalises %s to %s', (input, country, expected) => {
    expect(normalisePhone(input, country)).toBe(expected);
  });

  it('rejects a date and a short number', () => {
    expect(normalisePhone('12-05-2024', 'NL')).toBeUndefined();
    expect(normalisePhone('1234', 'NL')).toBeUndefined();
  });
});
