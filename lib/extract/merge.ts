import type { Capture, CapturedFields, Person } from '../capture';
import { CAPTURE_FIELDS, MAX_FIELD_LENGTH } from '../capture-fields';
import type { ExtractorResult, Found } from './candidates';

const MAX_ALTERNATIVES = 10;

/**
 * Merges extractor results into one capture. Results describing the person rank above
 * organization-level results; within a rank, earlier results win. The first value of a
 * field becomes its value and the other distinct values its alternatives.
 */
export function mergeResults(url: string, title: string | undefined, results: ExtractorResult[]): Capture {
  const ordered = [...results.filter((result) => result.role === 'person'), ...results.filter((result) => result.role === 'organization')];
  const fields: CapturedFields = {};

  for (const field of CAPTURE_FIELDS) {
    const found: Found[] = [];
    for (const result of ordered) {
      if (field === 'name' && result.role === 'organization') continue;
      for (const candidate of result.fields[field] ?? []) {
        // The value and MAX_ALTERNATIVES alternatives are all that is kept.
        if (found.length > MAX_ALTERNATIVES) break;
        const value = candidate.value.slice(0, MAX_FIELD_LENGTH);
        if (!found.some((existing) => sameValue(existing.value, value))) found.push({ value, provenance: candidate.provenance });
      }
    }
    const [first, ...others] = found;
    if (first) fields[field] = { value: first.value, provenance: first.provenance, alternatives: others.slice(0, MAX_ALTERNATIVES) };
  }

  const people = collectPeople(ordered, fields.email?.value, fields.name?.value);
  const capture: Capture = { url: url.slice(0, MAX_FIELD_LENGTH), fields };
  if (title) capture.title = title.slice(0, MAX_FIELD_LENGTH);
  if (people.length) capture.people = people;
  return capture;
}

// Created once: `localeCompare` with options builds a new collator on every call.
const accentSensitive = new Intl.Collator(undefined, { sensitivity: 'accent' });

function sameValue(a: string, b: string): boolean {
  return accentSensitive.compare(a, b) === 0 || a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

function collectPeople(results: ExtractorResult[], email: string | undefined, name: string | undefined): Person[] {
  const people: Person[] = [];
  for (const result of results) {
    for (const person of result.people ?? []) {
      if ((email && person.email === email) || (name && person.name === name)) continue;
      if (people.some((known) => (person.email && known.email === person.email) || (person.name && known.name === person.name))) continue;
      const bounded: Person = {};
      for (const [key, value] of Object.entries(person) as [keyof Person, string | undefined][]) {
        if (value) bounded[key] = value.slice(0, MAX_FIELD_LENGTH);
      }
      people.push(bounded);
    }
  }
  return people.slice(0, 20);
}
