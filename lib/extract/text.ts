import type { Person, SourceKind } from '../capture';
import type { ExtractorResult } from './candidates';
import { countryForLanguage, guessLanguage } from './country';
import { namesMatch } from './name';
import { findEmails, isNoReplyEmail } from './patterns';
import { splitMessage, type QuotedParty } from './quote';
import { findSignatureBlock, readSignature } from './signature';

/** Context for reading an e-mail text or a selection. */
export interface TextContext {
  source: SourceKind;
  defaultCountry?: string;
  /** Sender from a webmail header, when the text is a message body. */
  senderName?: string;
}

/**
 * Reads the contact of the latest sender from an e-mail text or a selected snippet: the
 * signature below the closing formula, with quoted replies and forwards cut off first.
 */
export function extractFromEmailText(text: string, context: TextContext): ExtractorResult {
  const split = splitMessage(text.slice(0, 200_000));
  const latestText = split.latest.map((line) => line.text).join('\n');
  const language = guessLanguage(latestText);
  const languageCountry = countryForLanguage(language);

  const { block, closingName, closingLine } = findSignatureBlock(split.latest);
  const signatureOptions = {
    source: context.source,
    ...(context.senderName ? { senderName: context.senderName } : {}),
    ...(context.defaultCountry ? { defaultCountry: context.defaultCountry } : {}),
    ...(languageCountry ? { languageCountry } : {}),
    // English is written in many countries; a national number is tried in the largest ones.
    ...(language === 'en' ? { fallbackCountries: ['GB', 'US', 'IE', 'AU'] } : {}),
  };
  const collector = readSignature(block, signatureOptions, closingName, closingLine);

  // Addresses written in the message body, above the signature.
  if (!collector.has('email')) {
    for (const line of split.latest) {
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
