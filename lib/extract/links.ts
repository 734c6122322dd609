import { inlineText, isHidden } from './dom-text';
import { isLegalLine, readLabel, trailingPhoneKind, type LabelKind } from './labels';
import { canonicalLinkedInProfile, normalizeEmail } from './patterns';

/** A contact link on a page: a mailto: or tel: link, a protected e-mail or a LinkedIn profile. */
export interface ContactLink {
  kind: 'email' | 'phone' | 'linkedin';
  value: string;
  element: Element;
  /** Kind of phone number named by the text before the link ("Fax", "Switchboard"). */
  label?: LabelKind;
}

export interface LinkOptions {
  /** Selector of elements whose links are left out, such as quoted replies. */
  exclude?: string;
}

/** Lists the contact links inside a root, in document order, skipping hidden elements and forms. */
export function findContactLinks(root: ParentNode, options: LinkOptions = {}): ContactLink[] {
  const links: ContactLink[] = [];
  const hiddenElements = new Map<Element, boolean>();
  for (const element of Array.from(root.querySelectorAll('a[href], [data-cfemail]'))) {
    if (options.exclude && element.closest(options.exclude)) continue;
    if (hiddenOrInForm(element, hiddenElements)) continue;
    const cfemail = element.getAttribute('data-cfemail');
    if (cfemail) {
      const email = decodeCloudflareEmail(cfemail);
      if (email) links.push({ kind: 'email', value: email, element });
      continue;
    }
    const href = (element.getAttribute('href') ?? '').trim();
    if (/^mailto:/i.test(href)) {
      const email = normalizeEmail(href.split(',')[0] ?? '');
      if (email) links.push({ kind: 'email', value: email, element });
    } else if (/^tel:/i.test(href)) {
      const label = phoneLabel(element);
      links.push({ kind: 'phone', value: href.replace(/^tel:/i, ''), element, ...(label ? { label } : {}) });
    } else {
      const linkedin = canonicalLinkedInProfile(href);
      if (linkedin) links.push({ kind: 'linkedin', value: linkedin, element });
    }
  }
  return links;
}

/** Decodes Cloudflare's e-mail protection: the first byte is an XOR key for the rest. */
export function decodeCloudflareEmail(encoded: string): string | null {
  if (!/^(?:[0-9a-f]{2}){2,}$/i.test(encoded)) return null;
  const key = parseInt(encoded.slice(0, 2), 16);
  let decoded = '';
  for (let i = 2; i < encoded.length; i += 2) decoded += String.fromCharCode(parseInt(encoded.slice(i, i + 2), 16) ^ key);
  return normalizeEmail(decoded);
}

/**
 * Tells whether the element or an ancestor is hidden or a form. `known` caches the result for
 * every element visited, so a page with thousands of links (a long quoted thread) reads each
 * element's attributes once instead of once per link below it.
 */
function hiddenOrInForm(element: Element, known: Map<Element, boolean>): boolean {
  const visited: Element[] = [];
  let hidden = false;
  for (let current: Element | null = element; current; current = current.parentElement) {
    const cached = known.get(current);
    if (cached !== undefined) {
      hidden = cached;
      break;
    }
    visited.push(current);
    if (isHidden(current) || current.tagName === 'FORM') {
      hidden = true;
      break;
    }
  }
  for (const visitedElement of visited) known.set(visitedElement, hidden);
  return hidden;
}

/** Reads the label written just before a tel: link, such as "Direct", "Switchboard" or "Fax". */
function phoneLabel(link: Element): LabelKind | undefined {
  // A label such as "(mobile)" sits in a short line around the link. Reading a large parent for
  // every link would make a page with thousands of links in one element quadratic.
  const parent = link.parentElement;
  const own = parent && hasFewChildren(parent) ? trailingPhoneKind(inlineText(parent)) : undefined;
  if (own) return own;
  let before = '';
  for (let node = link.previousSibling; node && before.length < 40; node = node.previousSibling) {
    before = `${node.textContent ?? ''} ${before}`;
  }
  if (!before.trim() && link.parentElement) {
    const previous = link.parentElement.previousElementSibling;
    if (link.parentElement.childNodes.length === 1 && previous) before = previous.textContent ?? '';
  }
  const words = before.trim().split(/[·|,]/).at(-1)?.trim() ?? '';
  if (!words) return undefined;
  if (/\b(?:switchboard|reception|receptie|centrale|zentrale|office|kantoor|main|algemeen|accueil|standard|clerks|general)\b/i.test(words)) return 'switchboard';
  if (isLegalLine(words)) return 'other';
  return readLabel(`${words} 0`).label;
}

const MAX_LABEL_PARENT_CHILDREN = 20;

function hasFewChildren(element: Element): boolean {
  let count = 0;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (++count > MAX_LABEL_PARENT_CHILDREN) return false;
  }
  return true;
}
