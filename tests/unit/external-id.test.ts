import { describe, expect, it } from 'vitest';
import { deriveExternalId, identityKey, linkedInSlug } from '@/lib/external-id';

describe('identityKey', () => {
  it('prefers the normalised email', () => {
    expect(identityKey({ email: '  Sanne.deVries@Example.NL ', linkedin: 'https://www.linkedin.com/in/sanne', name: 'Sanne' })).toBe(
      'email:sanne.devries@example.nl',
    );
  });

  it('falls back to the LinkedIn slug', () => {
    expect(identityKey({ linkedin: 'https://nl.linkedin.com/in/Sanne-de-Vries-42/?trk=x', name: 'Sanne' })).toBe(
      'linkedin:sanne-de-vries-42',
    );
  });

  it('falls back to name and organization', () => {
    expect(identityKey({ name: ' Sanne  de Vries ', organization: 'Brouwerveld B.V.' })).toBe(
      'name:sanne de vries|brouwerveld b.v.',
    );
  });

  it('returns undefined without any identity', () => {
    expect(identityKey({ organization: 'Brouwerveld B.V.' })).toBeUndefined();
    expect(identityKey({ email: 'not an address' })).toBeUndefined();
  });
});

describe('deriveExternalId', () => {
  it('is stable for the same person however the email is written', async () => {
    const first = await deriveExternalId({ email: 'sanne@example.nl' }, 'C-');
    const second = await deriveExternalId({ email: ' SANNE@example.NL' }, 'C-');

    expect(first).toBe(second);
  });

  it('matches the documented SHA-256 rule', async () => {
    // sha256("email:john@example.com"), first 16 hex digits, computed with `sha256sum`.
    expect(await deriveExternalId({ email: 'john@example.com' }, 'C-')).toBe('C-c6ef97801cf3dd74');
  });

  it('differs between people', async () => {
    const sanne = await deriveExternalId({ email: 'sanne@example.nl' }, 'C-');
    const joost = await deriveExternalId({ email: 'joost@example.nl' }, 'C-');

    expect(sanne).not.toBe(joost);
  });

  it('uses the configured prefix', async () => {
    expect(await deriveExternalId({ email: 'sanne@example.nl' }, 'NERDS-')).toMatch(/^NERDS-[0-9a-f]{16}$/);
  });
});

describe('linkedInSlug', () => {
  it('ignores other hosts and paths', () => {
    expect(linkedInSlug('https://www.linkedin.com/company/nerds')).toBeUndefined();
    expect(linkedInSlug('https://evil.example/in/sanne')).toBeUndefined();
    expect(linkedInSlug('not a url')).toBeUndefined();
  });
});
