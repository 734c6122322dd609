import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { captureValues, type CaptureField } from '../../lib/capture';
import { extractFromDocument, extractFromText } from '../../lib/extract';

// Runs the extraction engine over the labelled cases in tests/corpus and scores it per field,
// with the same matching rules as the corpus scorer: whitespace, case and Unicode form are
// ignored, spaces in zip, and scheme, "www." and a trailing slash in website and linkedin.

interface CorpusCase {
  id: string;
  kind: 'text' | 'html';
  file: string;
  url: string;
  expected: Record<string, string | null>;
  also_acceptable?: Record<string, (string | null)[]>;
}

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../corpus');
const FIELDS: [string, CaptureField][] = [
  ['name', 'name'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['address', 'address'],
  ['zip', 'zip'],
  ['city', 'city'],
  ['country', 'country'],
  ['organization', 'organization'],
  ['job_title', 'jobTitle'],
  ['website', 'website'],
  ['linkedin', 'linkedin'],
];
// Thresholds this engine reaches on the cases; a drop below them is a regression.
const MIN_FIELD_F1 = 0.95;
const MIN_MICRO_F1 = 0.98;

function normalise(field: string, value: string): string {
  let text = value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  if (field === 'zip') text = text.replace(/ /g, '');
  if (field === 'website' || field === 'linkedin') text = text.replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return text;
}

function f1(counts: { tp: number; fp: number; fn: number }): number {
  const precision = counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
  const recall = counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

describe('own corpus', () => {
  const cases = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as CorpusCase[];
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true },
  });
  const counts = Object.fromEntries(FIELDS.map(([key]) => [key, { tp: 0, fp: 0, fn: 0 }]));
  const failures: string[] = [];

  for (const testCase of cases) {
    const content = readFileSync(join(CORPUS, testCase.file), 'utf8');
    const capture =
      testCase.kind === 'text'
        ? extractFromText(content, testCase.url)
        : extractFromDocument(new window.DOMParser().parseFromString(content, 'text/html') as unknown as Document, testCase.url);
    const values = captureValues(capture);

    for (const [key, field] of FIELDS) {
      const expected = testCase.expected[key] ?? null;
      const acceptable = [expected, ...(testCase.also_acceptable?.[key] ?? [])];
      const value = values[field]?.trim() || null;
      const matches = value !== null && acceptable.some((candidate) => candidate !== null && normalise(key, candidate) === normalise(key, value));
      const fieldCounts = counts[key]!;
      if (value === null) {
        if (!acceptable.includes(null)) fieldCounts.fn++;
      } else if (matches) {
        fieldCounts.tp++;
      } else {
        fieldCounts.fp++;
        if (expected !== null) fieldCounts.fn++;
      }
      if (value === null ? !acceptable.includes(null) : !matches) {
        failures.push(`${testCase.id} ${key}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
      }
    }
  }

  const total = { tp: 0, fp: 0, fn: 0 };
  for (const fieldCounts of Object.values(counts)) {
    total.tp += fieldCounts.tp;
    total.fp += fieldCounts.fp;
    total.fn += fieldCounts.fn;
  }
  console.log(
    [`own corpus: ${cases.length} cases, micro-F1 ${f1(total).toFixed(3)}`, ...FIELDS.map(([key]) => `  ${key.padEnd(13)} F1 ${f1(counts[key]!).toFixed(3)}`), ...failures].join('\n'),
  );

  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(FIELDS.map(([key]) => key))('reaches the F1 threshold for %s', (key) => {
    expect(f1(counts[key]!)).toBeGreaterThanOrEqual(MIN_FIELD_F1);
  });

  it('reaches the micro-F1 threshold', () => {
    expect(f1(total)).toBeGreaterThanOrEqual(MIN_MICRO_F1);
  });

  it('runs no script of a case page', () => {
    expect((window as unknown as Record<string, unknown>)['__contactTestPwned']).toBeUndefined();
  });
});
