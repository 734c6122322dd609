import fc from 'fast-check';
import { afterAll, beforeEach, describe, it } from 'vitest';
import { captureSchema, type Capture } from '@/lib/capture';
import { extractFromDocument } from '@/lib/extract';
import type { ExtractorResult } from '@/lib/extract/candidates';
import { extractHCard } from '@/lib/extract/hcard';
import { extractJsonLd } from '@/lib/extract/jsonld';
import { mergeResults } from '@/lib/extract/merge';
import { extractMicrodata } from '@/lib/extract/microdata';
import { HANDLER_FLAG, hostileHtml, hostileJsonLd, hostileText, pageText } from './hostile-input';

/**
 * Shared parts of the property-based extractor tests. Page extractors are spread over several
 * test files with different seeds, because one vitest worker runs out of heap after about
 * 2,000 parsed pages per extractor (happy-dom keeps the documents alive); each file runs in a
 * worker of its own, so together they reach 10,000 inputs per extractor.
 */

export const TIMEOUT_MS = 300_000;

export interface PropertyRuns {
  seed: number;
  /** Inputs per text or JSON extractor. */
  text: number;
  /** Inputs per page extractor. */
  page: number;
}

const worstMs = new Map<string, number>();

/** Runs one extraction, records its time for the report and checks the result's shape. */
export function check(extractor: string, extract: () => Capture): Capture {
  const started = performance.now();
  const capture = extract();
  const elapsed = performance.now() - started;
  worstMs.set(extractor, Math.max(worstMs.get(extractor) ?? 0, elapsed));

  const parsed = captureSchema.safeParse(capture);
  if (!parsed.success) throw new Error(`${extractor} returned an invalid capture: ${parsed.error.message}`);
  if ((globalThis as Record<string, unknown>)[HANDLER_FLAG] !== undefined) throw new Error(`${extractor} ran page markup`);
  return capture;
}

export function merged(results: ExtractorResult[]): Capture {
  return mergeResults('https://example.org/', undefined, results);
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function property<T>(numRuns: number, seed: number, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void) {
  fc.assert(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    { numRuns, seed },
  );
}

/** Clears the markup flag before each input and reports the worst time per extractor after the file. */
export function trackRuns() {
  beforeEach(() => {
    delete (globalThis as Record<string, unknown>)[HANDLER_FLAG];
  });

  afterAll(() => {
    // Reported, not asserted: wall-clock time depends on the machine. Bounds on work are tested
    // in extract-limits.test.ts.
    const report = [...worstMs].map(([extractor, ms]) => `${extractor} ${ms.toFixed(1)} ms`).join(', ');
    console.info(`Worst time per input: ${report}`);
  });
}


/** Defines the property tests of the page extractors and the site modules. */
export function definePageProperties(runs: PropertyRuns) {
  describe('document extractors on hostile pages', () => {
    it('extractFromDocument returns a valid capture', () => {
      property(runs.page, runs.seed, hostileHtml, (html) => {
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
      property(runs.text, runs.seed, blocks, (texts) => {
        const scripts = texts.map((text) => `<script type="application/ld+json">${text.replace(/<\//g, '<\\/')}</script>`).join('');
        check('extractJsonLd', () => merged(extractJsonLd(parse(scripts), 'https://example.org/', 'NL')));
      });
    }, TIMEOUT_MS);

    it('microdata extractor returns valid fields', () => {
      property(runs.page, runs.seed, hostileHtml, (html) => {
        check('extractMicrodata', () => merged(extractMicrodata(parse(`<div itemscope itemtype="https://schema.org/Person">${html}</div>`), 'NL')));
      });
    }, TIMEOUT_MS);

    it('hCard extractor returns valid fields', () => {
      property(runs.page, runs.seed, hostileHtml, (html) => {
        check('extractHCard', () => merged(extractHCard(parse(`<div class="h-card vcard">${html}</div>`), 'NL')));
      });
    }, TIMEOUT_MS);
  });

  describe('site modules on hostile pages', () => {
    it('Gmail module returns a valid capture', () => {
      property(runs.page, runs.seed, fc.tuple(pageText, pageText, hostileHtml), ([name, email, body]) => {
        const html = `<div class="adn"><span class="gD" email="${email}" name="${name}">${name}</span><div class="a3s">${body}</div></div>`;
        check('gmail', () => extractFromDocument(parse(html), 'https://mail.google.com/mail/u/0/#inbox/x'));
      });
    }, TIMEOUT_MS);

    it('Outlook module returns a valid capture', () => {
      property(runs.page, runs.seed, fc.tuple(pageText, pageText, hostileHtml), ([name, email, body]) => {
        const html = `<div data-app-section="ConversationContainer"><div aria-label="From: ${name}" title="${email}">${name}</div><div role="document" aria-label="Message body">${body}</div></div>`;
        check('outlook', () => extractFromDocument(parse(html), 'https://outlook.office.com/mail/inbox/id/x'));
      });
    }, TIMEOUT_MS);

    it('LinkedIn module returns a valid capture', () => {
      const embedded = hostileJsonLd.map((value) => JSON.stringify({ included: [value, { publicIdentifier: 'jan', firstName: value, lastName: 'Jansen' }] }));
      property(runs.page, runs.seed, fc.tuple(pageText, hostileHtml, embedded), ([name, body, json]) => {
        const html = `<main><section><h1>${name}</h1>${body}</section></main><code style="display:none">${json.replace(/</g, '&lt;')}</code>`;
        check('linkedin', () => extractFromDocument(parse(html), 'https://www.linkedin.com/in/jan/'));
      });
    }, TIMEOUT_MS);
  });
}
