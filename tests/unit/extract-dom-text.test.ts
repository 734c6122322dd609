import { describe, expect, it } from 'vitest';
import { elementText, textReadsCut } from '@/lib/extract/dom-text';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(html, 'text/html').body;
}

describe('elementText', () => {
  it('puts each block on its own line', () => {
    expect(elementText(body('<div>Jan Jansen</div><p>Sales <b>manager</b></p>Acme<br>Amsterdam'))).toBe('Jan Jansen\nSales manager\nAcme\nAmsterdam');
  });

  it('skips scripts and hidden elements', () => {
    expect(elementText(body('<p>Jan</p><script>alert(1)</script><p hidden>secret</p><p style="display: none">gone</p>'))).toBe('Jan');
  });

  it('cuts a long text at maxLength', () => {
    const before = textReadsCut();

    const text = elementText(body(`<p>${'a'.repeat(100)}</p><p>b</p>`), { maxLength: 10 });

    expect(text).toBe('a'.repeat(10));
    expect(textReadsCut()).toBe(before + 1);
  });

  it('counts no cut for a text within maxLength', () => {
    const before = textReadsCut();

    elementText(body('<p>Jan</p>'), { maxLength: 10 });

    expect(textReadsCut()).toBe(before);
  });

  it('counts a run of spaces as one space', () => {
    const before = textReadsCut();

    const text = elementText(body(`<p>Jan${' '.repeat(30)}</p><p>Smit</p>`), { maxLength: 10 });

    expect(text).toBe('Jan\nSmit');
    expect(textReadsCut()).toBe(before);
  });

  it('cuts a run of spaces far longer than maxLength', () => {
    const before = textReadsCut();

    elementText(body(`<p>${' '.repeat(100)}</p><p>hidden by the cut</p>`), { maxLength: 10 });

    expect(textReadsCut()).toBe(before + 1);
  });

  it('reads a tree deeper than the call stack', () => {
    const root = body('');
    let parent: Element = root;
    for (let level = 0; level < 50_000; level++) parent = parent.appendChild(root.ownerDocument.createElement('span'));
    parent.append('Jan');

    expect(elementText(root)).toBe('Jan');
  });
});
