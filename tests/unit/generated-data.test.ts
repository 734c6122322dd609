// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from '../../lib/phone-number';
import { generatedData } from '../../scripts/data/generate';

const root = resolve(import.meta.dirname, '../..');

describe('generated data files', () => {
  for (const [path, expected] of Object.entries(generatedData())) {
    it(`${path} matches its generator`, () => {
      // After upgrading libphonenumber-js or i18n-iso-countries, run `npx tsx scripts/generate-data.ts`.
      expect(readFileSync(resolve(root, path), 'utf8')).toBe(expected);
    });
  }
});

describe('phone metadata without formats', () => {
  it.each([
    ['+31 20 794 3150', undefined, '+31207943150'],
    ['06 4217 8830', 'NL', '+31642178830'],
    ['+1 415 555 0134', undefined, '+14155550134'],
    ['+86 138 0013 8000', undefined, '+8613800138000'],
    ['030 1234567', 'DE', '+49301234567'],
  ] as const)('parses %s to E.164', (text, country, e164) => {
    const parsed = parsePhoneNumber(text, country);

    expect(parsed?.number).toBe(e164);
    expect(parsed?.isPossible()).toBe(true);
  });

  it('rejects a number too short for its country', () => {
    expect(parsePhoneNumber('+31 20 79', undefined)?.isValid() ?? false).toBe(false);
  });
});
