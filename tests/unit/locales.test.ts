import { describe, expect, it } from 'vitest';
import { readMessages } from './support/i18n';

const en = readMessages('en');
const nl = readMessages('nl');

function placeholderNames(entry: { message: string }) {
  return [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]!.toLowerCase()).sort();
}

describe('locale files', () => {
  it('have the same keys in English and Dutch', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('use the same placeholders for %s', (key) => {
    expect(placeholderNames(nl[key]!)).toEqual(placeholderNames(en[key]!));
  });

  it.each(Object.keys(en))('define every placeholder used in %s', (key) => {
    for (const language of [en, nl]) {
      const entry = language[key]!;
      for (const name of placeholderNames(entry)) {
        expect(entry.placeholders?.[name], `${key} placeholder ${name}`).toBeDefined();
      }
    }
  });

  it('have no empty Dutch messages', () => {
    const empty = Object.entries(nl).filter(([, entry]) => entry.message.trim() === '');
    expect(empty).toEqual([]);
  });
});
