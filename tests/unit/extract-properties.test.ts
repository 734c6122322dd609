import { describe, expect, it } from 'vitest';
import { extractFromDocument, extractFromMailtoUrl, extractFromText } from '@/lib/extract';
import { extractFromEmailText } from '@/lib/extract/text';
import { ACTIVE_MARKUP, HANDLER_FLAG, hostileMailto, hostileText } from './support/hostile-input';
import { check, definePageProperties, merged, parse, property, TIMEOUT_MS, trackRuns } from './support/page-properties';

// 10,000 inputs per text extractor here. The page extractors get 2,000 here and 2,000 in each
// of extract-page-properties-{2,3,4,5}.test.ts, with other seeds: 10,000 in all.
// PROPERTY_RUNS sets one smaller number for quick runs.
const TEXT_RUNS = Number(process.env['PROPERTY_RUNS'] ?? 10_000);
const PAGE_RUNS = Number(process.env['PROPERTY_RUNS'] ?? 2_000);
const SEED = 20261204;

trackRuns();

describe('text extractors on hostile input', () => {
  it('extractFromText returns a valid capture', () => {
    property(TEXT_RUNS, SEED, hostileText, (text) => {
      check('extractFromText', () => extractFromText(text, 'https://example.org/'));
    });
  }, TIMEOUT_MS);

  it('signature reading returns valid fields', () => {
    property(TEXT_RUNS, SEED, hostileText, (text) => {
      check('signature', () => merged([extractFromEmailText(text, { source: 'signature', senderName: 'Jan Jansen', defaultCountry: 'NL' })]));
    });
  }, TIMEOUT_MS);

  it('extractFromMailtoUrl returns a valid capture', () => {
    property(TEXT_RUNS, SEED, hostileMailto, (url) => {
      check('extractFromMailtoUrl', () => extractFromMailtoUrl(url));
    });
  }, TIMEOUT_MS);
});

definePageProperties({ seed: SEED, text: TEXT_RUNS, page: PAGE_RUNS });

describe('markup in names', () => {
  it.each(ACTIVE_MARKUP)('stays inert text: %s', (markup) => {
    const text = `Kind regards,\n${markup} Jansen\njan@example.org`;
    const page = parse(`<main><h1>${markup}Jan Jansen</h1><a href="mailto:jan@example.org">mail</a></main>`);

    const fromText = check('markup', () => extractFromText(text, 'https://example.org/'));
    const fromPage = check('markup', () => extractFromDocument(page, 'https://example.org/'));

    for (const capture of [fromText, fromPage]) {
      const name = capture.fields.name?.value;
      if (name !== undefined) expect(text + markup + 'Jan Jansen').toContain(name);
    }
    expect((globalThis as Record<string, unknown>)[HANDLER_FLAG]).toBeUndefined();
  });
});
