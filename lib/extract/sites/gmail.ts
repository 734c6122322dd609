import type { Person } from '../../capture';
import type { ExtractorResult } from '../candidates';
import { elementText } from '../dom-text';
import { findContactLinks } from '../links';
import { extractWebmailMessage, personFrom } from './webmail';

/**
 * Gmail's message view. Class names are Gmail's obfuscated ones as of 2025: `div.adn` is an
 * expanded message, `span.gD` its sender (with `email` and `name` attributes), `div.a3s` its
 * body, `div.gmail_quote` the quoted reply and `div.gmail_signature` the sender's signature.
 * `span.g2` marks recipients and the account switcher names the logged-in user; both are
 * ignored, because the target is the sender of the latest message.
 */
export const GMAIL_SELECTORS = {
  message: 'div.adn',
  sender: 'span.gD[email]',
  body: 'div.a3s',
  quote: '.gmail_quote, blockquote, .gmail_attr',
  signature: '.gmail_signature',
  collapsedSender: '.kv [email], .kQ [email], span.zF[email]',
} as const;

export function isGmail(url: URL): boolean {
  return url.hostname === 'mail.google.com';
}

/** Reads the latest expanded message of the open Gmail thread, or returns null when none is open. */
export function extractGmail(document: Document, defaultCountry?: string): ExtractorResult[] | null {
  const messages = Array.from(document.querySelectorAll(GMAIL_SELECTORS.message));
  const latest = messages.at(-1);
  if (!latest) return null;
  const body = latest.querySelector(GMAIL_SELECTORS.body);
  if (!body) return null;

  const sender = latest.querySelector(GMAIL_SELECTORS.sender);
  const isQuote = (element: Element) => element.matches(GMAIL_SELECTORS.quote);
  const bodyText = elementText(body, { skip: isQuote });
  const signature = Array.from(body.querySelectorAll(GMAIL_SELECTORS.signature)).find((element) => !element.closest(GMAIL_SELECTORS.quote));

  const people: Person[] = [];
  for (const element of Array.from(document.querySelectorAll(`${GMAIL_SELECTORS.message} ${GMAIL_SELECTORS.sender}, ${GMAIL_SELECTORS.collapsedSender}`))) {
    if (element === sender) continue;
    const person = personFrom(element.getAttribute('name'), element.getAttribute('email'));
    if (person) people.push(person);
  }

  return extractWebmailMessage(
    {
      bodyText,
      people,
      linkedinLinks: findContactLinks(body, { exclude: GMAIL_SELECTORS.quote })
        .filter((link) => link.kind === 'linkedin')
        .map((link) => link.value),
      ...(sender?.getAttribute('name') ? { senderName: sender.getAttribute('name') ?? '' } : {}),
      ...(sender?.getAttribute('email') ? { senderEmail: sender.getAttribute('email') ?? '' } : {}),
      ...(signature ? { signatureText: elementText(signature) } : {}),
    },
    defaultCountry,
  );
}
