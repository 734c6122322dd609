import type { Person, SourceKind } from '../capture';
import type { ExtractorResult, FieldCollector } from './candidates';
import { countryForLanguage, guessLanguage } from './country';
import { extendsName, looksLikePersonName, namesMatch } from './name';
import { findEmails, isNoReplyEmail } from './patterns';
import { splitMessage, type Line, type QuotedParty } from './quote';
import { findSignatureBlock, readSignature } from './signature';

/** Context for reading an e-mail text or a selection. */
export interface TextContext {
  source: SourceKind;
  defaultCountry?: string;
  /** Sender from a webmail header, when the text is a message body. */
  senderName?: string;
  /** Sender's address from a webmail or forward header; its country domain hints at phone numbers. */
  senderEmail?: string;
}

/**
 * Reads the contact of the latest sender from an e-mail text or a selected snippet: the
 * signature below the closing formula, with quoted replies and forwards cut off first. Below
 * an unsigned forwarding note, the forwarded message's sender is read instead.
 */
export function extractFromEmailText(text: string, context: TextContext): ExtractorResult {
  const split = splitMessage(text.slice(0, 200_000));

  // A forward's contact is the forwarder when the top message is signed, and otherwise the
  // sender of the forwarded message, so the fields never mix two people. A webmail body keeps
  // the sender of the page's message header.
  let message = split;
  let forwardedSender: { name?: string; email?: string } = {};
  let read = readMessage(message.latest, context);
  while (message.forwarded && !context.senderName && !read.signed) {
    forwardedSender = senderFromHeader(message.forwarded.sender);
    message = message.forwarded.body;
    read = readMessage(message.latest, {
      ...context,
      ...(forwardedSender.name ? { senderName: forwardedSender.name } : {}),
      ...(forwardedSender.email ? { senderEmail: forwardedSender.email } : {}),
    });
  }
  const { collector } = read;
  const signatureName = collector.first('name');
  // "Oliver" below the closing and "Oliver Grant" in the forwarded header: the full name wins.
  if (forwardedSender.name && (!signatureName || (signatureName !== forwardedSender.name && extendsName(signatureName, forwardedSender.name)))) {
    collector.fields.name = [{ value: forwardedSender.name, provenance: { source: context.source } }, ...(collector.fields.name ?? [])];
  }
  if (!collector.has('email')) collector.add('email', forwardedSender.email);

  // Addresses written in the message body, above the signature.
  if (!collector.has('email')) {
    for (const line of message.latest) {
      for (const email of findEmails(line.text)) if (!isNoReplyEmail(email)) collector.add('email', email, line.number);
    }
  }
  // The signer's own address in a quoted header: "Aan: Ilse Mulder <ilse.mulder@…>".
  const name = collector.first('name') ?? context.senderName;
  if (!collector.has('email') && name) {
    const party = split.parties.find((candidate) => candidate.email && candidate.name && namesMatch(candidate.name, name));
    if (party?.email) collector.add('email', party.email);
  }

  const people = peopleFromParties(split.parties, collector.first('email'), name);
  return { role: 'person', fields: collector.fields, ...(people.length ? { people } : {}) };
}

/** Returns the name and address of a forwarded message's sender, leaving out a no-reply address and a name that is no person's. */
function senderFromHeader(party: QuotedParty | undefined): { name?: string; email?: string } {
  const sender: { name?: string; email?: string } = {};
  if (party?.name && looksLikePersonName(party.name, { allowSingleWord: true })) sender.name = party.name;
  if (party?.email && !isNoReplyEmail(party.email)) sender.email = party.email;
  return sender;
}

/**
 * Reads the signature of one message. The message counts as signed when it has a closing
 * formula, or a name with an e-mail address or phone number in the lines below its prose.
 */
function readMessage(lines: Line[], context: TextContext): { collector: FieldCollector; signed: boolean } {
  const language = guessLanguage(lines.map((line) => line.text).join('\n'));
  const languageCountry = countryForLanguage(language);

  const { block, closingName, closingLine } = findSignatureBlock(lines);
  const signatureOptions = {
    source: context.source,
    ...(context.senderName ? { senderName: context.senderName } : {}),
    ...(context.senderEmail ? { senderEmail: context.senderEmail } : {}),
    ...(context.defaultCountry ? { defaultCountry: context.defaultCountry } : {}),
    ...(languageCountry ? { languageCountry } : {}),
    // English is written in many countries; a national number is tried in the largest ones.
    ...(language === 'en' ? { fallbackCountries: ['GB', 'US', 'IE', 'AU'] } : {}),
  };
  const collector = readSignature(block, signatureOptions, closingName, closingLine);
  const signed = closingLine !== undefined || (collector.has('name') && (collector.has('email') || collector.has('phone')));
  return { collector, signed };
}

/** Lists the other senders and recipients named in quoted headers, without the target. */
export function peopleFromParties(parties: QuotedParty[], targetEmail: string | undefined, targetName: string | undefined): Person[] {
  const people: Person[] = [];
  for (const party of parties) {
    if (party.email && party.email === targetEmail) continue;
    if (!party.email && party.name && targetName && namesMatch(party.name, targetName)) continue;
    if (party.name && targetName && party.name === targetName) continue;
    if (people.some((person) => (party.email && person.email === party.email) || (party.name && person.name === party.name))) continue;
    const person: Person = {};
    if (party.name) person.name = party.name;
    if (party.email) person.email = party.email;
    if (person.name || person.email) people.push(person);
  }
  return people.slice(0, 20);
}
