/** Plain text of a DOM subtree, one line per block element, read without running any page code. */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'TD', 'TH', 'THEAD', 'TFOOT', 'TR', 'UL', 'CENTER',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'CANVAS', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'CODE']);

// Reads that `elementText` cut short at their `maxLength`, counted since the module loaded.
let cutReads = 0;

/** Returns how many text reads have been cut short so far; compare two values to see a cut. */
export function textReadsCut(): number {
  return cutReads;
}

// How many raw characters of one text node are read per character still allowed.
const RAW_TEXT_FACTOR = 4;

/** Options for `elementText`. */
export interface TextOptions {
  /** Elements (and their subtrees) to leave out, such as quoted replies. */
  skip?: (element: Element) => boolean;
  /** An element at which reading stops, such as Outlook's reply header. */
  stopAt?: (element: Element) => boolean;
  /** Maximum number of characters to read; a longer text is cut and counted by `textReadsCut`. */
  maxLength?: number;
}

/** Returns the visible text of an element as lines, like a browser's `innerText` without layout. */
export function elementText(root: Node, options: TextOptions = {}): string {
  const maxLength = options.maxLength ?? 500_000;
  const chunks: string[] = [];
  let length = 0;
  let stopped = false;
  let cut = false;

  // Reads each node, then its children, then closes its block, without recursion, so that any
  // nesting depth is safe. A `null` entry closes the block of the element read before its
  // children.
  const enter = (node: Node, pending: Array<Node | null>): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      const allowed = maxLength - length;
      // Whitespace collapses before it counts, so a node is read raw up to a few times what is
      // allowed: a run of blanks in a page does not use up the length.
      const raw = value.length > allowed * RAW_TEXT_FACTOR ? value.slice(0, allowed * RAW_TEXT_FACTOR) : value;
      const collapsed = raw.replace(/[\s\u00a0]+/g, ' ');
      const text = collapsed.slice(0, allowed);
      chunks.push(text);
      length += text.length;
      cut = collapsed.length > allowed || raw.length < value.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const element = node as Element;
    if (node.nodeType === 1) {
      if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) return;
      if (isHidden(element)) return;
      if (options.stopAt?.(element)) {
        stopped = true;
        return;
      }
      if (options.skip?.(element)) return;
    }
    const tag = node.nodeType === 1 ? element.tagName.toUpperCase() : '';
    if (tag === 'BR') {
      chunks.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      softBreak();
      pending.push(null);
    }
    for (let child = node.lastChild; child; child = child.previousSibling) pending.push(child);
  };
  // A block boundary starts a new line but never adds an empty one; only <br> does.
  const softBreak = (): void => {
    for (let i = chunks.length - 1; i >= 0; i--) {
      const chunk = chunks[i] ?? '';
      if (chunk === '\n') return;
      if (chunk.trim()) break;
    }
    chunks.push('\n');
  };
  const pending: Array<Node | null> = [root];
  while (pending.length > 0 && !stopped && !cut) {
    const node = pending.pop();
    if (node === null) softBreak();
    else if (node) enter(node, pending);
  }
  if (cut) cutReads++;

  return chunks
    .join('')
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Tells whether an element is hidden by an attribute or an inline style (stylesheets are not evaluated). */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Returns an element's text on one line, with whitespace collapsed. */
export function inlineText(element: Element | null | undefined): string {
  if (!element) return '';
  return elementText(element).replace(/\s*\n+\s*/g, ' ').trim();
}
