import { describe, expect, it } from 'vitest';
import { captureSchema } from '@/lib/capture';
import { extractFromDocument, extractFromMailtoUrl, extractFromText } from '@/lib/extract';
import { boundDocument, EXTRACTION_LIMITS, jsonDeeperThan, type ExtractionLimits } from '@/lib/extract/limits';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const SMALL: ExtractionLimits = {
  ...EXTRACTION_LIMITS,
  maxElements: 50,
  maxDepth: 5,
  maxTextLength: 200,
  maxLinks: 3,
  maxJsonLdBlocks: 2,
  maxJsonLdLength: 200,
  maxJsonDepth: 4,
};

describe('boundDocument', () => {
  it('returns a page within the limits unchanged', () => {
    const page = parse('<main><h1>Jan Jansen</h1><a href="mailto:jan@example.org">mail</a></main>');

    const bounded = boundDocument(page, SMALL);

    expect(bounded.truncated).toBe(false);
    expect(bounded.document).toBe(page);
  });

  it('stops reading at the element limit', () => {
    const page = parse(`<main>${'<p>x</p>'.repeat(100)}</main>`);

    const bounded = boundDocument(page, SMALL);

    expect(bounded.truncated).toBe(true);
    expect(bounded.document).not.toBe(page);
    expect(bounded.document.querySelectorAll('*').length).toBeLessThanOrEqual(SMALL.maxElements);
  });

  it('keeps only the first links as links', () => {
    const page = parse(`<p>${Array.from({ length: 10 }, (_, i) => `<a href="mailto:p${i}@example.org">p${i}</a>`).join('')}</p>`);

    const bounded = boundDocument(page, SMALL);

    expect(bounded.truncated).toBe(true);
    expect(bounded.document.querySelectorAll('a[href]')).toHaveLength(SMALL.maxLinks);
    expect(bounded.document.querySelectorAll('a')).toHaveLength(10);
  });

  it('cuts the text at the text limit', () => {
    const page = parse(`<p>${'a'.repeat(150)}</p><p>${'b'.repeat(150)}</p>${'<i>x</i>'.repeat(60)}`);

    const bounded = boundDocument(page, SMALL);

    expect(bounded.truncated).toBe(true);
    expect(bounded.document.body.textContent).toHaveLength(SMALL.maxTextLength);
  });

  it('drops text after the element limit', () => {
    const page = parse(`<p>jan@example.org</p>${'<i>x</i>'.repeat(60)}<p>piet@example.org</p>`);

    const bounded = boundDocument(page, SMALL);

    expect(bounded.document.body.textContent).toContain('jan@example.org');
    expect(bounded.document.body.textContent).not.toContain('piet@example.org');
  });

  it('flattens deep content in a copy', () => {
    const page = parse(`${'<div>'.repeat(20)}<span>jan@example.org</span>${'</div>'.repeat(20)}${'<i>x</i>'.repeat(60)}`);

    const bounded = boundDocument(page, SMALL);

    expect(bounded.truncated).toBe(true);
    expect(maxDepth(bounded.document.documentElement)).toBeLessThanOrEqual(SMALL.maxDepth + 1);
    expect(bounded.document.body.textContent).toContain('jan@example.org');
  });

  it('reads a deep page unchanged', () => {
    const page = parse(`${'<div>'.repeat(20)}Jan${'</div>'.repeat(20)}`);

    expect(boundDocument(page, SMALL).truncated).toBe(false);
  });

  it('reads a long text without a copy', () => {
    const page = parse(`<p>${'a'.repeat(500)}</p>`);

    expect(boundDocument(page, SMALL).truncated).toBe(false);
  });

  it('leaves out JSON-LD blocks past the count, length or depth limit', () => {
    const person = (name: string) => `<script type="application/ld+json">{"@type":"Person","name":"${name}"}</script>`;
    const long = `<script type="application/ld+json">{"@type":"Person","name":"${'x'.repeat(300)}"}</script>`;
    const deep = `<script type="application/ld+json">${'['.repeat(10)}1${']'.repeat(10)}</script>`;
    const page = parse(`${person('A')}${long}${deep}${person('B')}${'<i>x</i>'.repeat(60)}`);

    const copy = boundDocument(page, { ...SMALL, maxJsonLdBlocks: 3 }).document;
    const blocks = Array.from(copy.querySelectorAll('script')).map((script) => script.textContent);

    expect(blocks).toEqual(['{"@type":"Person","name":"A"}']);
  });

  it('copies no script, event handler or source', () => {
    const page = parse(
      `<p onclick="alert(1)">Jan</p><img src="https://tracker.example/x.gif" alt="Logo" onerror="alert(2)"><script>alert(3)</script>${'<i>x</i>'.repeat(60)}`,
    );

    const copy = boundDocument(page, SMALL).document;

    expect(copy.querySelector('p')?.hasAttribute('onclick')).toBe(false);
    expect(copy.querySelector('img')?.getAttribute('alt')).toBe('Logo');
    expect(copy.querySelector('img')?.hasAttribute('src')).toBe(false);
    expect(copy.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(copy.querySelector('script')).toBeNull();
  });

  it('keeps the language and title of the page', () => {
    const page = parse(`<html lang="nl"><head><title>Contact</title></head><body>${'<i>x</i>'.repeat(60)}</body></html>`);

    const copy = boundDocument(page, SMALL).document;

    expect(copy.documentElement.getAttribute('lang')).toBe('nl');
    expect(copy.title).toBe('Contact');
  });
});

describe('jsonDeeperThan', () => {
  it('counts arrays and objects', () => {
    expect(jsonDeeperThan('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonDeeperThan('{"a":[{"b":[[1]]}]}', 4)).toBe(true);
  });

  it('ignores brackets inside strings', () => {
    expect(jsonDeeperThan('{"a":"[[[[[[{{{{\\"]]]"}', 2)).toBe(false);
  });
});

describe('extraction limits', () => {
  it('marks a page over the limits as truncated and still reads it', () => {
    const links = Array.from({ length: EXTRACTION_LIMITS.maxLinks + 1 }, (_, i) => `<a href="#${i}">${i}</a>`).join('');
    const page = parse(`<p><a href="mailto:jan@example.org">Jan</a></p>${links}`);

    const capture = extractFromDocument(page, 'https://example.org/');

    expect(capture.truncated).toBe(true);
    expect(capture.fields.email?.value).toBe('jan@example.org');
    expect(captureSchema.safeParse(capture).success).toBe(true);
  });

  it('flattens a page too deep for happy-dom', () => {
    const page = parse('<main></main>');
    let parent: Element = page.querySelector('main')!;
    for (let level = 0; level < EXTRACTION_LIMITS.maxDepth * 20; level++) parent = parent.appendChild(page.createElement('div'));
    parent.append('Jan Jansen ');
    parent.appendChild(page.createElement('a')).setAttribute('href', 'mailto:jan@example.org');

    const capture = extractFromDocument(page, 'https://example.org/');

    expect(capture.truncated).toBe(true);
    expect(capture.fields.email?.value).toBe('jan@example.org');
  });

  it('marks a page truncated when a text read is cut', () => {
    const page = parse(`<p><a href="mailto:jan@example.org">Jan</a></p><p>${'lorem ipsum '.repeat(100_000)}</p>`);

    const capture = extractFromDocument(page, 'https://example.org/');

    expect(capture.truncated).toBe(true);
    expect(capture.fields.email?.value).toBe('jan@example.org');
  });

  it('leaves an ordinary page unmarked', () => {
    const capture = extractFromDocument(parse('<p><a href="mailto:jan@example.org">Jan</a></p>'), 'https://example.org/');

    expect(capture.truncated).toBeUndefined();
  });

  it('marks a selection over the limit as truncated', () => {
    const selection = `Kind regards,\nJan Jansen\njan@example.org\n${'x '.repeat(EXTRACTION_LIMITS.maxSelectionLength)}`;

    const capture = extractFromDocument(parse('<p></p>'), 'https://example.org/', { selection });

    expect(capture.truncated).toBe(true);
  });

  it('marks a pasted text over the limit as truncated', () => {
    const capture = extractFromText('x'.repeat(EXTRACTION_LIMITS.maxSelectionLength + 1), 'https://example.org/');

    expect(capture.truncated).toBe(true);
  });

  it('marks a mailto URL over the limit as truncated', () => {
    const capture = extractFromMailtoUrl(`mailto:jan@example.org?body=${'x'.repeat(EXTRACTION_LIMITS.maxMailtoLength)}`);

    expect(capture.truncated).toBe(true);
    expect(capture.fields.email?.value).toBe('jan@example.org');
  });
});

function maxDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}
