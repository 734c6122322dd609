import type { Person } from '../../capture';
import type { ExtractorResult } from '../candidates';
import { elementText, inlineText } from '../dom-text';
import { findContactLinks } from '../links';
import { findEmails } from '../patterns';
import { extractWebmailMessage, personFrom } from './webmail';

/**
 * Outlook on the web (outlook.office.com, outlook.live.com) as of 2025. The reading pane is
 * `[data-app-section="ConversationContainer"]`; each message body is a `div[role=document]`
 * labelled "Message body" in the user's language; the sender sits in an element whose
 * `aria-label` starts with "From:" (or its translation), its address in a `title`. Message
 * HTML has `x_`-prefixed ids: `x_divRplyFwdMsg` starts the quoted reply.
 */
export const OUTLOOK_SELECTORS = {
  readingPane: '[data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"], #ReadingPaneContainerId',
  body: '[role="document"][aria-label], div[aria-label="Message body"]',
  messageItem: '[role="listitem"], [data-convid]',
  sender:
    '[aria-label^="From:"], [aria-label^="From "], [aria-label^="Van:"], [aria-label^="Von:"], [aria-label^="De :"], [aria-label^="De:"], [aria-label^="Afzender"], [aria-label^="Expéditeur"]',
  quoteStart: '[id$="divRplyFwdMsg"], [id$="appendonsend"], #divRplyFwdMsg, #appendonsend',
  skipped: 'blockquote, [id$="ms-outlook-mobile-signature"], [id$="ms-outlook-ios-signature"]',
} as const;

export function isOutlook(url: URL): boolean {
  return /^outlook\.(?:office|office365|live)\.com$/.test(url.hostname) || url.hostname === 'outlook.cloud.microsoft';
}

/** Reads the open Outlook message, or returns null when the reading pane shows none. */
export function extractOutlook(document: Document, defaultCountry?: string): ExtractorResult[] | null {
  const pane = document.querySelector(OUTLOOK_SELECTORS.readingPane) ?? document.body;
  if (!pane) return null;
  // NOTE: Outlook lists the newest message first by default; a user who reversed the order gets the oldest one.
  const body = pane.querySelector(OUTLOOK_SELECTORS.body);
  if (!body) return null;

  let item: Element | null = body.parentElement;
  while (item && item !== pane && !item.querySelector(OUTLOOK_SELECTORS.sender)) item = item.parentElement;
  const senderElement = (item ?? pane).querySelector(OUTLOOK_SELECTORS.sender);
  const sender = readSender(senderElement);

  const bodyText = elementText(body, {
    stopAt: (element) => element.matches(OUTLOOK_SELECTORS.quoteStart),
    skip: (element) => element.matches(OUTLOOK_SELECTORS.skipped),
  });

  const people: Person[] = [];
  for (const other of Array.from(pane.querySelectorAll(OUTLOOK_SELECTORS.sender))) {
    if (other === senderElement) continue;
    const otherSender = readSender(other);
    const person = personFrom(otherSender.name, otherSender.email);
    if (person) people.push(person);
  }

  return extractWebmailMessage(
    {
      bodyText,
      people,
      linkedinLinks: findContactLinks(body)
        .filter((link) => link.kind === 'linkedin' && !isQuoted(link.element, body))
        .map((link) => link.value),
      ...(sender.name ? { senderName: sender.name } : {}), ...(sender.email ? { senderEmail: sender.email } : {}) },
    defaultCountry,
  );
}

/** Tells whether an element sits in the quoted reply: inside a blockquote or after Outlook's reply header. */
function isQuoted(element: Element, body: Element): boolean {
  if (element.closest('blockquote')) return true;
  const start = body.querySelector(OUTLOOK_SELECTORS.quoteStart);
  return Boolean(start && start.compareDocumentPosition(element) & 4);
}

function readSender(element: Element | null): { name?: string; email?: string } {
  if (!element) return {};
  const titled = [element, ...Array.from(element.querySelectorAll('[title]'))].map((node) => node.getAttribute('title') ?? '');
  const email = findEmails(titled.join(' '))[0] ?? findEmails(inlineText(element))[0];
  const label = (element.getAttribute('aria-label') ?? '').replace(/^[^:]+:\s*/, '');
  const text = inlineText(element).replace(/<[^>]*>/g, '').replace(/[\w.+-]+@[\w.-]+/g, '').trim();
  const name = text || label;
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}
