import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { captureSchema, type Capture } from '@/lib/capture';
import { extractFromDocument, extractFromMailtoUrl, extractFromText } from '@/lib/extract';
import type { ExtractorResult } from '@/lib/extract/candidates';
import { extractHCard } from '@/lib/extract/hcard';
import { extractJsonLd } from '@/lib/extract/jsonld';
import { mergeResults } from '@/lib/extract/merge';
import { extractMicrodata } from '@/lib/extract/microdata';
import { extractFromEmailText } from '@/lib/extract/text';
import { ACTIVE_MARKUP, HANDLER_FLAG, hostileHtml, hostileJsonLd, hostileMailto, hostileText, pageText } from './support/hostile-input';

// Inputs per extractor: 10,000 for text, 2,000 for whole pages, which take about ten times as
// long each in happy-dom. PROPERTY_RUNS sets one number for all of them.
// NOTE: 10,000 page inputs per extractor ran this worker out of heap (happy-dom keeps every
// parsed document alive), so the page extractors get 2,000 until documents are released.
const TEXT_RUNS = Number(process.env['PROPERTY_RUNS'] ?? 10_000);
const PAGE_RUNS = Number(process.env['PROPERTY_RUNS'] ?? 2_000);
const TIMEOUT_MS = 120_000;
const SEED = 20261204;

const worstMs = new Map<string, number>();

/** Runs one extraction, records its time for the report and checks the result's shape. */
function check(extractor: string, extract: () => Capture): Capture {
  const started = performance.now();
  const capture = extract();
  const elapsed = performance.now() - started;
  worstMs.set(extractor, Math.max(worstMs.get(extractor) ?? 0, elapsed));

  const parsed = captureSchema.safeParse(capture);
  if (!parsed.success) throw new Error(`${extractor} returned an invalid capture: ${parsed.error.message}`);
  if ((globalThis as Record<string, unknown>)[HANDLER_FLAG] !== undefined) throw new Error(`${extractor} ran page markup`);
  return capture;
}

function merged(results: ExtractorResult[]): Capture {
  return mergeResults('https://example.org/', undefined, results);
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function property<T>(numRuns: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void) {
  fc.assert(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    { numRuns, seed: SEED },
  );
}

beforeEach(() => {
  delete (globalThis as Record<string, unknown>)[HANDLER_FLAG];
});

afterAll(() => {
  // Reported, not asserted: wall-clock time depends on the machine. Bounds on work are tested
  // in extract-limits.test.ts.
  const report = [...worstMs].map(([extractor, ms]) => `${extractor} ${ms.toFixed(1)} ms`).join(', ');
  console.info(`Worst time per input: ${report}`);
});

describe('text extractors on hostile input', () => {
  it('extractFromText returns a valid capture', () => {
    property(TEXT_RUNS, hostileText, (text) => {
      check('extractFromText', () => extractFromText(text, 'https://example.org/'));
    });
  }, TIMEOUT_MS);

  it('signature reading returns valid fields', () => {
    property(TEXT_RUNS, hostileText, (text) => {
      check('signature', () => merged([extractFromEmailText(text, { source: 'signature', senderName: 'Jan Jansen', defaultCountry: 'NL' })]));
    });
  }, TIMEOUT_MS);

  it('extractFromMailtoUrl returns a valid capture', () => {
    property(TEXT_RUNS, hostileMailto, (url) => {
      check('extractFromMailtoUrl', () => extractFromMailtoUrl(url));
    });
  }, TIMEOUT_MS);
});

describe('document extractors on hostile pages', () => {
  it('extractFromDocument returns a valid capture', () => {
    property(PAGE_RUNS, hostileHtml, (html) => {
      check('extractFromDocument', () => extractFromDocument(parse(html), 'https://example.org/contact'));
    });
  }, TIMEOUT_MS);

  it('JSON-LD extractor survives random nested JSON', () => {
    const blocks = fc.array(
      fc.oneof(
        hostileJsonLd.map((value) => JSON.stringify(value)),
        hostileText,
      ),
      { minLength: 1, maxLength: 3 },
    );
    property(TEXT_RUNS, blocks, (texts) => {
      const scripts = texts.map((text) => `<script type="application/ld+json">${text.replace(/<\//g, '<\\/')}</script>`).join('');
      check('extractJsonLd', () => merged(extractJsonLd(parse(scripts), 'https://example.org/', 'NL')));
    });
  }, TIMEOUT_MS);

  it('microdata extractor returns valid fields', () => {
    property(PAGE_RUNS, hostileHtml, (html) => {
      check('extractMicrodata', () => merged(extractMicrodata(parse(`<div itemscope itemtype="https://schema.org/Person">${html}</div>`), 'NL')));
    });
  }, TIMEOUT_MS);

  it('hCard extractor returns valid fields', () => {
    property(PAGE_RUNS, hostileHtml, (html) => {
      check('extractHCard', () => merged(extractHCard(parse(`<div class="h-card vcard">${html}</div>`), 'NL')));
    });
  }, TIMEOUT_MS);
});

describe('site modules on hostile pages', () => {
  it('Gmail module returns a valid capture', () => {
    property(PAGE_RUNS, fc.tuple(pageText, pageText, hostileHtml), ([name, email, body]) => {
      const html = `<div class="adn"><span class="gD" email="${email}" name="${name}">${name}</span><div class="a3s">${body}</div></div>`;
      check('gmail', () => extractFromDocument(parse(html), 'https://mail.google.com/mail/u/0/#inbox/x'));
    });
  }, TIMEOUT_MS);

  it('Outlook module returns a valid capture', () => {
    property(PAGE_RUNS, fc.tuple(pageText, pageText, hostileHtml), ([name, email, body]) => {
      const html = `<div data-app-section="ConversationContainer"><div aria-label="From: ${name}" title="${email}">${name}</div><div role="document" aria-label="Message body">${body}</div></div>`;
      check('outlook', () => extractFromDocument(parse(html), 'https://outlook.office.com/mail/inbox/id/x'));
    });
  }, TIMEOUT_MS);

  it('LinkedIn module returns a valid capture', () => {
    const embedded = hostileJsonLd.map((value) => JSON.stringify({ included: [value, { publicIdentifier: 'jan', firstName: value, lastName: 'Jansen' }] }));
    property(PAGE_RUNS, fc.tuple(pageText, hostileHtml, embedded), ([name, body, json]) => {
      const html = `<main><section><h1>${name}</h1>${body}</section></main><code style="display:none">${json.replace(/</g, '&lt;')}</code>`;
      check('linkedin', () => extractFromDocument(parse(html), 'https://www.linkedin.com/in/jan/'));
    });
  }, TIMEOUT_MS);
});

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
