/**
 * Input limits for extraction. The capture script runs on the page's main thread, and several
 * extractors walk every element, link or ancestor, so a huge or hostile page could freeze the
 * tab. A page over any limit is not read directly: extraction reads a bounded copy of its first
 * part, and the capture is marked `truncated` so that the popup shows a notice.
 *
 * The element, text and link limits leave room for a 2 MB webmail thread (about 45,000
 * elements, 1.3 million characters and 2,700 links) inside the webmail's own page.
 *
 * Text is not counted on the live page, because reading all of it took a third of the capture
 * time on a 2 MB thread. Instead every text read stops at its own length (`elementText` in
 * dom-text.ts), and a read cut short marks the capture truncated as well.
 *
 * Depth is not checked on the live page: Chromium's HTML parser nests at most 512 levels, and
 * every walk in the extractors is iterative. A DOM implementation that recurses (happy-dom, in
 * the command-line tool and the unit tests) throws on a very deep page. A check that throws
 * counts as over the limits, so such a page is read from a copy flattened at `maxDepth`.
 */
export const EXTRACTION_LIMITS = {
  /** Elements read, in document order. */
  maxElements: 200_000,
  /** Element nesting below `<html>` in a copy; deeper elements are read at the level below the last. */
  maxDepth: 1_000,
  /** Characters of text in a copy, outside scripts and styles. */
  maxTextLength: 5_000_000,
  /** Links (`a[href]`) and Cloudflare-protected addresses (`[data-cfemail]`) read. */
  maxLinks: 10_000,
  /** JSON-LD blocks read. */
  maxJsonLdBlocks: 100,
  /** Characters of one JSON-LD block; a longer block is left out. */
  maxJsonLdLength: 100_000,
  /** Array and object nesting of one JSON-LD block; a deeper block is left out. */
  maxJsonDepth: 64,
  /** Characters of a selected or pasted text. */
  maxSelectionLength: 100_000,
  /** Characters of a `mailto:` URL. */
  maxMailtoLength: 10_000,
} as const;

export type ExtractionLimits = { [K in keyof typeof EXTRACTION_LIMITS]: number };

/** A document to extract from, and whether it is only the first part of the page. */
export interface BoundedDocument {
  document: Document;
  truncated: boolean;
}

// Subtrees no extractor reads; they are neither counted nor copied.
const IGNORED_TAGS = new Set([
  'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'LINK', 'BASE',
]);

// Attributes that could make a copied element load or run something if the copy were ever
// rendered. The copy lives in an inert document, so this is a second line of defence.
const DROPPED_ATTRIBUTE = /^(?:on|src$|srcset$)/i;

/**
 * Returns the document itself when it is within the limits, otherwise a copy of its first part
 * in a new inert document (no browsing context, so nothing in it loads or runs). The check
 * stops at the first limit exceeded, so its work is bounded by the limits too.
 */
export function boundDocument(source: Document, limits: ExtractionLimits = EXTRACTION_LIMITS): BoundedDocument {
  let within = false;
  try {
    within = withinLimits(source, limits);
  } catch {
    // Over some limit of the DOM implementation itself, such as its stack.
  }
  if (within) return { document: source, truncated: false };
  return { document: copyFirstPart(source, limits), truncated: true };
}

/** Tells whether a JSON text nests arrays and objects deeper than `maxDepth`, without parsing it. */
export function jsonDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // A backslash escapes the next character.
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Cuts a text to `maxLength` characters; `truncated` is true when characters were cut off. */
export function boundText(text: string, maxLength: number): { text: string; truncated: boolean } {
  return text.length > maxLength ? { text: text.slice(0, maxLength), truncated: true } : { text, truncated: false };
}

/** Counts of what has been read so far, checked against the limits. */
class Budget {
  elements = 0;
  textLength = 0;
  links = 0;
  jsonLdBlocks = 0;

  constructor(readonly limits: ExtractionLimits) {}

  /** Counts an element; returns false when the element limit is reached and reading must stop. */
  takeElement(): boolean {
    return ++this.elements <= this.limits.maxElements;
  }

  takeLink(): boolean {
    return ++this.links <= this.limits.maxLinks;
  }

  /** Returns the length of text still allowed, after counting `length` characters. */
  takeText(length: number): number {
    const allowed = Math.max(0, Math.min(length, this.limits.maxTextLength - this.textLength));
    this.textLength += length;
    return allowed;
  }

  /** Tells whether a JSON-LD block may be read: within the count, length and depth limits. */
  takeJsonLd(text: string): boolean {
    return (
      ++this.jsonLdBlocks <= this.limits.maxJsonLdBlocks &&
      text.length <= this.limits.maxJsonLdLength &&
      !jsonDeeperThan(text, this.limits.maxJsonDepth)
    );
  }
}

type NodeKind = 'text' | 'json-ld' | 'ignored' | 'link' | 'element' | 'other';

const LINK_SELECTOR = 'a[href], [data-cfemail]';

function isJsonLd(script: Element): boolean {
  return /^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? '');
}

function kindOf(node: Node): NodeKind {
  if (node.nodeType === 3) return 'text';
  if (node.nodeType !== 1) return 'other';
  const element = node as Element;
  const tag = element.nodeName.toUpperCase();
  if (tag === 'SCRIPT') return isJsonLd(element) ? 'json-ld' : 'ignored';
  if (IGNORED_TAGS.has(tag)) return 'ignored';
  if (element.matches(LINK_SELECTOR)) return 'link';
  return 'element';
}

/**
 * Visits the element and text nodes below `root` in document order, without recursion, so
 * that any nesting depth is safe. `visit` returns the target for the node's children (or
 * `undefined` to skip them), or `false` to stop.
 */
function walk<T>(root: Node, rootTarget: T, visit: (node: Node, kind: NodeKind, depth: number, parentTarget: T) => T | undefined | false): void {
  const stack: Array<{ next: Node | null; target: T; depth: number }> = [{ next: root.firstChild, target: rootTarget, depth: 1 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    const kind = kindOf(node);
    if (kind === 'other' || kind === 'ignored') continue;
    const childTarget = visit(node, kind, frame.depth, frame.target);
    if (childTarget === false) return;
    if (childTarget !== undefined && node.firstChild) stack.push({ next: node.firstChild, target: childTarget, depth: frame.depth + 1 });
  }
}

/**
 * Tells whether the page is within the limits. It uses the browser's own counts and queries
 * instead of a walk in script, because this check runs on every capture, while a copy is made
 * only for pages over a limit.
 */
function withinLimits(source: Document, limits: ExtractionLimits): boolean {
  const root = source.documentElement;
  if (!root) return true;
  if (source.getElementsByTagName('*').length > limits.maxElements) return false;
  if (source.querySelectorAll(LINK_SELECTOR).length > limits.maxLinks) return false;
  const budget = new Budget(limits);
  for (const script of Array.from(source.getElementsByTagName('script'))) {
    if (isJsonLd(script) && !budget.takeJsonLd(script.textContent ?? '')) return false;
  }
  return true;
}

function copyFirstPart(source: Document, limits: ExtractionLimits): Document {
  const copy = source.implementation.createHTMLDocument('');
  const html = copy.documentElement;
  html.replaceChildren();
  const sourceRoot = source.documentElement;
  if (!sourceRoot) return copy;
  copyAttributes(sourceRoot, html);

  const budget = new Budget(limits);
  budget.takeElement(); // <html>
  walk<Node>(sourceRoot, html, (node, kind, depth, parent) => {
    if (kind === 'text') {
      const value = node.nodeValue ?? '';
      const allowed = budget.takeText(value.length);
      if (allowed === 0) return false;
      parent.appendChild(copy.createTextNode(value.slice(0, allowed)));
      return undefined;
    }
    if (!budget.takeElement()) return false;
    const element = node as Element;
    if (kind === 'json-ld') {
      const text = element.textContent ?? '';
      if (budget.takeJsonLd(text)) {
        const script = copy.createElement('script');
        script.setAttribute('type', 'application/ld+json');
        script.textContent = text;
        parent.appendChild(script);
      }
      return undefined;
    }
    const clone = copy.createElementNS(element.namespaceURI, element.localName);
    copyAttributes(element, clone);
    if (kind === 'link' && !budget.takeLink()) {
      clone.removeAttribute('href');
      clone.removeAttribute('data-cfemail');
    }
    parent.appendChild(clone);
    // Below the depth limit an element is kept empty, with its attributes, and its content
    // follows it at the same level, so the text of a deeply nested page is still read.
    return depth > limits.maxDepth ? parent : clone;
  });
  return copy;
}

function copyAttributes(from: Element, to: Element): void {
  for (const attribute of Array.from(from.attributes)) {
    if (DROPPED_ATTRIBUTE.test(attribute.name)) continue;
    try {
      to.setAttribute(attribute.name, attribute.value);
    } catch {
      // A name that is valid in the parser but not in setAttribute (such as one with a quote) is left out.
    }
  }
}
