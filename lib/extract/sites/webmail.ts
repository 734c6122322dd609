import type { Person } from '../../capture';
import { FieldCollector, type ExtractorResult } from '../candidates';
import { cleanName, looksLikePersonName, namesMatch } from '../name';
import { isNoReplyEmail, normalizeEmail } from '../patterns';
import { readSignature } from '../signature';
import { extractFromEmailText } from '../text';

/** The latest message of a webmail thread, as read from the site's DOM. */
export interface WebmailMessage {
  senderName?: string;
  senderEmail?: string;
  /** Body text without the quoted part. */
  bodyText: string;
  /** Text of the signature element, when the site marks it (Gmail's `.gmail_signature`). */
  signatureText?: string;
  /** LinkedIn profiles linked from the latest message, whose link text may not show the URL. */
  linkedinLinks?: string[];
  /** Other people in the thread: earlier senders and recipients. */
  people: Person[];
}

/**
 * Turns the latest message into extractor results: its signature, then the sender from the
 * message header as fallback. The header name wins unless the signature gives a longer form
 * of the same name.
 */
export function extractWebmailMessage(message: WebmailMessage, defaultCountry?: string): ExtractorResult[] {
  const senderName = message.senderName ? cleanName(message.senderName) : undefined;
  const senderEmail = message.senderEmail ? normalizeEmail(message.senderEmail) : null;
  const context = {
    source: 'signature' as const,
    ...(senderName ? { senderName } : {}),
    ...(senderEmail ? { senderEmail } : {}),
    ...(defaultCountry ? { defaultCountry } : {}),
  };

  const body = extractFromEmailText(message.bodyText, context);
  const results: ExtractorResult[] = [];

  const signatureName = body.fields.name?.[0]?.value;
  if (senderName && looksLikePersonName(senderName, { allowSingleWord: true })) {
    const signatureIsLonger = signatureName && namesMatch(signatureName, senderName) && signatureName.length > senderName.length;
    if (!signatureIsLonger) body.fields.name = [];
  }
  results.push(body);

  if (message.signatureText) {
    const lines = message.signatureText.split('\n').map((text, index) => ({ text, number: index + 1 }));
    const signature = readSignature(lines, context);
    delete signature.fields.name;
    results.push({ role: 'person', fields: signature.fields });
  }

  if (message.linkedinLinks?.length) {
    const links = new FieldCollector('signature');
    for (const link of message.linkedinLinks) links.add('linkedin', link);
    results.push({ role: 'person', fields: links.fields });
  }

  const header = new FieldCollector('webmail-header');
  if (senderName && looksLikePersonName(senderName, { allowSingleWord: true })) header.add('name', senderName);
  if (senderEmail && !isNoReplyEmail(senderEmail)) header.add('email', senderEmail);
  results.push({ role: 'person', fields: header.fields, people: message.people });

  if (!results.some((result) => result.fields.name?.length) && signatureName) {
    header.add('name', signatureName);
  }
  return results;
}

/** Makes a person entry from a display name and an address found in a thread. */
export function personFrom(name: string | null | undefined, email: string | null | undefined): Person | undefined {
  const person: Person = {};
  const cleanedName = name ? cleanName(name) : '';
  const cleanedEmail = email ? normalizeEmail(email) : null;
  if (cleanedName && cleanedName.toLowerCase() !== 'me' && !cleanedName.includes('@')) person.name = cleanedName;
  if (cleanedEmail) person.email = cleanedEmail;
  return person.name || person.email ? person : undefined;
}
