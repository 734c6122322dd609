import type { SourceKind } from '../capture';
import { parseAddressLine, parseStreet, type AddressParts } from './address';
import { FieldCollector } from './candidates';
import { countryFromEmailDomain, countryFromName } from './country';
import {
  END_OF_SIGNATURE,
  countryFromLegalForm,
  isLegalLine,
  hasLegalForm,
  looksLikeJobTitle,
  looksLikeOrganization,
  readLabel,
  trailingPhoneKind,
  type LabelKind,
} from './labels';
import { cleanName, extendsName, looksLikePersonName, namesMatch } from './name';
import { canonicalLinkedInProfile, findEmails, findUrls, normalizeWebsite } from './patterns';
import { findPhones, phoneCountry } from './phone';
import type { Line } from './quote';

/** Context for reading a signature block. */
export interface SignatureOptions {
  source: SourceKind;
  /** Sender's name from a webmail header, used to recognise the name line. */
  senderName?: string;
  /** Sender's address from a message header, whose country domain hints at phone numbers. */
  senderEmail?: string;
  /** Country for national phone numbers when the signature has no address. */
  defaultCountry?: string;
  /** Country implied by the language of the message (nl, de, fr), weaker than an address. */
  languageCountry?: string;
  /** Countries to try, in order, for national numbers when nothing else names a country. */
  fallbackCountries?: string[];
}

const CLOSING =
  /^(?:met\s+)?(?:(?:vriendelijke|hartelijke|beste|warme|zonnige|sportieve|fijne)\s+)?(?:groet(?:en|jes)?|groet,?\s*en\s*dank)|^mvg|^m\.v\.g\.?|^gr(?:t|oet)?\.?$|^hoogachtend|^(?:alvast\s+)?(?:bedankt|dank\s*je(?:wel)?|dank\s*u(?:wel)?)|^tot\s+(?:snel|ziens|later|dan)|^(?:with\s+)?(?:kind(?:est)?|best|warm(?:est)?|many|warm)\s+(?:regards|wishes|thanks)|^regards|^(?:yours\s+)?(?:sincerely|faithfully|truly)|^(?:best|cheers|thanks|thank\s+you|many\s+thanks|all\s+the\s+best|speak\s+soon|talk\s+soon|cordially|respectfully|take\s+care)$|^(?:mit\s+)?(?:freundlichen|besten|vielen|lieben|herzlichen|schönen|sonnigen)\s+grü(?:ß|ss)en|^(?:viele|beste|liebe|herzliche|freundliche|schöne)\s+grü(?:ß|ss)e|^(?:gruß|grüße|mfg|lg|vg|bg)$|^(?:bien\s+)?cordialement|^bien\s+(?:à\s+vous|amicalement|sincèrement)|^(?:sincères|meilleures|cordiales|bien\s+cordiales)\s+salutations|^salutations|^(?:bonne\s+(?:journée|soirée|fin\s+de\s+journée))|^amitiés|^merci(?:\s+d'avance|\s+beaucoup)?$/iu;

const SALUTATION_ONLY = /^(?:ihr|ihre|euer|eure|je|jouw|uw|your|yours|votre|bien à vous)$/iu;

/** Tells whether a line is a closing formula such as "Met vriendelijke groet," or "Kind regards". */
export function isClosingLine(text: string): boolean {
  const line = text.trim().replace(/[,.!:;–-]+$/u, '').trim();
  if (!line || line.length > 45) return false;
  return CLOSING.test(line);
}

// Closings abbreviated so often that a space alone ends them: "Mvg Piet", "Gr Jan".
const CLOSING_ABBREVIATION = /^(?:gr|grt|mvg|m\.v\.g|vg|lg|mfg|bg)\.?$/iu;

/** Name written on the closing line itself: "Groetjes, Marloes", "Best, Jan" or "Gr. Jan". */
function nameAfterClosing(text: string): string | undefined {
  const line = text.trim();
  for (const separator of line.matchAll(/[,!.]*\s+/gu)) {
    const closing = line.slice(0, separator.index);
    const punctuated = /[,!.]/.test(separator[0]);
    if (!isClosingLine(closing) || (!punctuated && !CLOSING_ABBREVIATION.test(closing))) continue;
    const name = cleanName(line.slice(separator.index + separator[0].length));
    return looksLikePersonName(name, { allowSingleWord: true }) ? name : undefined;
  }
  return undefined;
}

/**
 * Finds the signature block of a message: the lines after the last closing formula, or, when
 * there is none, the short lines at the bottom below the last paragraph of prose. A closing
 * that carries the name ("Mvg, Piet") counts even on the last line.
 */
export function findSignatureBlock(lines: Line[]): { block: Line[]; closingName?: string; closingLine?: number } {
  let closingIndex = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = lines[i]?.text ?? '';
    const hasLinesBelow = lines.slice(i + 1).some((line) => line.text.trim());
    if ((isClosingLine(text) && hasLinesBelow) || nameAfterClosing(text)) {
      closingIndex = i;
      break;
    }
  }
  if (closingIndex >= 0) {
    const closingLine = lines[closingIndex];
    const closingName = closingLine ? nameAfterClosing(closingLine.text) : undefined;
    const result: { block: Line[]; closingName?: string; closingLine?: number } = { block: lines.slice(closingIndex + 1) };
    if (closingName) result.closingName = closingName;
    if (closingLine) result.closingLine = closingLine.number;
    return result;
  }

  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const text = (lines[i]?.text ?? '').trim();
    if (text && isProse(text)) break;
    start = i;
  }
  return { block: lines.slice(start) };
}

function isProse(text: string): boolean {
  if (text.length > 90 && !/[|·•]/.test(text)) return true;
  const words = text.split(/\s+/).length;
  return words >= 7 && /[.?!:]$/.test(text) && !findEmails(text).length && !/\d{3}/.test(text);
}

interface TextSegment {
  text: string;
  line: number;
  lineIndex: number;
}

interface PhoneFound {
  raw: string;
  kind: LabelKind | undefined;
  line: number;
  index: number;
}

/** Reads a signature block into contact fields. */
export function readSignature(block: Line[], options: SignatureOptions, closingName?: string, closingLine?: number): FieldCollector {
  const collector = new FieldCollector(options.source);
  const texts: TextSegment[] = [];
  const phones: PhoneFound[] = [];
  const addresses: { parts: AddressParts; line: number; lineIndex: number }[] = [];
  let explicitCountry: string | undefined;

  let lineIndex = 0;
  for (const line of block) {
    const raw = line.text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
    lineIndex++;
    if (!raw || /^[-_=*~]{2,}\s*$/.test(raw)) continue;
    if (END_OF_SIGNATURE.test(raw)) break;
    if (raw.length > 160) continue;
    if (isLegalLine(raw) && !findEmails(raw).length) continue;
    if (SALUTATION_ONLY.test(raw.replace(/[,.]$/, ''))) continue;

    const segments = raw.split(/\s*[|·•⋅¦]\s*|\s{3,}|\t/u).filter(Boolean);
    const lineAddress = segments.length > 1 ? parseAddressLine(segments.join(', ')) : undefined;
    let addressTaken = false;
    if (lineAddress?.locality && (lineAddress.street || lineAddress.country)) {
      addresses.push({ parts: lineAddress, line: line.number, lineIndex });
      addressTaken = true;
    }

    for (const segment of segments) {
      let { label, value } = readLabel(segment);
      // A label that does not fit its value ("Office manager", "Direct sales") was a word of the text.
      if (label && !labelFits(label, value)) {
        label = undefined;
        value = segment;
      }
      const emails = findEmails(value);
      const urls = findUrls(value);

      if (label === 'fax' || trailingPhoneKind(segment) === 'fax') continue;
      if (label === 'other') continue;

      if (emails.length) {
        for (const email of emails) collector.add('email', email, line.number);
        continue;
      }
      const linkedin = urls.map(canonicalLinkedInProfile).find(Boolean);
      if (linkedin) {
        collector.add('linkedin', linkedin, line.number);
        continue;
      }
      if (urls.length && (label === 'website' || label === undefined || label === 'linkedin')) {
        const website = urls.map(normalizeWebsite).find(Boolean);
        if (website && urls.join(' ').length >= value.replace(/\s*\(.*\)\s*$/, '').length - 2) {
          collector.add('website', website, line.number);
          continue;
        }
      }
      if (label === 'phone' || label === 'mobile' || label === 'switchboard' || label === undefined) {
        if (/^[\d\s+()./‐‑–-]{7,}(?:\s*\([\p{L} ]+\))?$/u.test(value) || label) {
          phones.push({ raw: value.replace(/\s*\([\p{L} ]+\)\s*$/u, ''), kind: label ?? trailingPhoneKind(segment), line: line.number, index: phones.length });
          continue;
        }
      }
      if (addressTaken && (parseAddressLine(segment).locality || parseStreet(segment) || countryFromName(segment))) continue;

      const address = parseAddressLine(value);
      if (address.locality || (address.street && (address.strongStreet || label === 'address'))) {
        addresses.push({ parts: address, line: line.number, lineIndex });
        continue;
      }
      const country = countryFromName(value);
      if (country && !/^[A-Za-z]{2}$/.test(value)) {
        explicitCountry ??= country;
        collector.add('country', country, line.number);
        continue;
      }
      if (address.street) {
        // A street without a street-type word counts only right above a postcode line.
        const next = block[lineIndex]?.text ?? '';
        if (parseAddressLine(next).locality) {
          addresses.push({ parts: address, line: line.number, lineIndex });
          continue;
        }
      }
      if (label === undefined && !/[:@]/.test(value) && value.length <= 80 && !isSentence(value)) {
        texts.push({ text: value, line: line.number, lineIndex });
      }
    }
  }

  assignNameTitleOrganization(collector, texts, options, closingName, closingLine);
  const legalFormCountry = texts.map((segment) => countryFromLegalForm(segment.text)).find(Boolean);
  const country = addAddress(collector, addresses, explicitCountry, phones, options, legalFormCountry);
  const emails = [...(collector.fields.email ?? []).map((email) => email.value), options.senderEmail ?? ''];
  const emailCountry = emails.map(countryFromEmailDomain).find(Boolean);
  addPhones(collector, phones, [country, legalFormCountry, emailCountry, options.languageCountry, options.defaultCountry, ...(options.fallbackCountries ?? [])]);
  if (!collector.has('country')) {
    const fromPhone = collector.first('phone');
    const phoneCountryCode = fromPhone ? phoneCountry(fromPhone) : undefined;
    if (phoneCountryCode) collector.add('country', phoneCountryCode);
  }
  return collector;
}

function labelFits(label: LabelKind, value: string): boolean {
  switch (label) {
    case 'phone':
    case 'mobile':
    case 'switchboard':
    case 'fax':
      return value.replace(/\D/g, '').length >= 6;
    case 'email':
      return findEmails(value).length > 0;
    case 'website':
    case 'linkedin':
      return findUrls(value).length > 0;
    default:
      return true;
  }
}

function assignNameTitleOrganization(
  collector: FieldCollector,
  texts: TextSegment[],
  options: SignatureOptions,
  closingName: string | undefined,
  closingLine: number | undefined,
): void {
  let nameIndex = -1;
  let name: string | undefined = closingName;
  let nameLine = closingLine;

  for (let i = 0; i < texts.length; i++) {
    const segment = texts[i];
    if (!segment) continue;
    const candidate = cleanName(segment.text);
    if (looksLikeJobTitle(candidate) || looksLikeOrganization(candidate)) continue;
    const matchesSender = Boolean(options.senderName && namesMatch(candidate, options.senderName));
    const allowSingleWord = (i === 0 && segment.lineIndex <= 2) || matchesSender;
    if (!looksLikePersonName(candidate, { allowSingleWord })) continue;
    // Any other name after the signer's is someone else (a colleague) or a firm named after the signer.
    if (name && !(extendsName(name, candidate) || extendsName(candidate, name))) break;

    if (!name || extendsName(name, candidate)) {
      name = candidate;
      nameLine = segment.line;
    }
    nameIndex = i;
    // "Thijs" right after the closing is often followed by the full "Thijs van der Meer".
    const next = texts[i + 1];
    const nextName = next ? cleanName(next.text) : '';
    if (!next || !looksLikePersonName(nextName) || !(extendsName(candidate, nextName) || extendsName(nextName, candidate))) break;
  }
  if (name) collector.add('name', name, nameLine);

  // Title and organization follow the name; a segment with a legal form is the organization.
  // Later repeats of the name ("Stefan Becker | Partner" below "Stefan Becker") are not title or organization.
  const rest = splitTitleAndOrganization(texts.slice(nameIndex + 1)).filter((segment) => {
    const text = cleanName(segment.text);
    return !name || !(extendsName(text, name) || extendsName(name, text));
  });
  let title: TextSegment | undefined;
  let organization: TextSegment | undefined;
  // A line with the signer's surname names their firm ("Maes Logistics"), even with a title word in it.
  const titleLike = (text: string) => looksLikeJobTitle(text) && !(name && namesMatch(text, name));
  for (const segment of rest.slice(0, 4)) {
    if (!organization && hasLegalForm(segment.text)) organization = segment;
    else if (!title && titleLike(segment.text) && !hasLegalForm(segment.text)) title = segment;
  }
  for (const segment of rest.slice(0, 3)) {
    if (segment === title || segment === organization || organization || titleLike(segment.text)) continue;
    // An organization word, the signer's surname ("Kok Schilderwerken") or a proper noun of capitalized words.
    const sharesName = Boolean(name && namesMatch(segment.text, name));
    const properNoun = /^\p{Lu}\S*(?:\s+(?:\p{Lu}\S*|&|'t|de|der|van|du|des|et|und|and|of))+$/u.test(segment.text);
    // A bare proper noun right below the name is more often a title ("Growth Hacker") than an organization.
    const properNounOrganization = properNoun && (title !== undefined || rest.indexOf(segment) > 0);
    if (looksLikeOrganization(segment.text) || sharesName || properNounOrganization) organization = segment;
  }
  for (const segment of rest.slice(0, 3)) {
    if (segment === title || segment === organization) continue;
    if (!title && (!organization || rest.indexOf(segment) < rest.indexOf(organization))) title = segment;
    else if (!organization) organization = segment;
  }
  if (title && (nameIndex >= 0 || name)) collector.add('jobTitle', title.text, title.line);
  if (organization && (nameIndex >= 0 || name || texts.length <= 2)) collector.add('organization', organization.text, organization.line);
}

/** Splits "VP Engineering, Copperline Robotics Inc." and "Head of Sales at Acme Ltd" into two segments. */
function splitTitleAndOrganization(segments: TextSegment[]): TextSegment[] {
  const result: TextSegment[] = [];
  for (const segment of segments) {
    const match = /^(.+?)(?:,\s+|\s+[-–]\s+|\s+(?:at|bij|bei|chez|@)\s+)(.+)$/iu.exec(segment.text);
    const title = match?.[1];
    const organization = match?.[2];
    if (title && organization && looksLikeJobTitle(title) && looksLikeOrganization(organization) && !looksLikeJobTitle(organization)) {
      result.push({ ...segment, text: title }, { ...segment, text: organization });
    } else {
      result.push(segment);
    }
  }
  return result;
}

function addAddress(
  collector: FieldCollector,
  addresses: { parts: AddressParts; line: number; lineIndex: number }[],
  explicitCountry: string | undefined,
  phones: PhoneFound[],
  options: SignatureOptions,
  legalFormCountry: string | undefined,
): string | undefined {
  // Merge a street line with the postcode line below it.
  const merged: { parts: AddressParts; line: number }[] = [];
  for (let i = 0; i < addresses.length; i++) {
    const current = addresses[i];
    if (!current) continue;
    const next = addresses[i + 1];
    if (current.parts.street && !current.parts.locality && next && !next.parts.street && next.parts.locality && next.lineIndex - current.lineIndex <= 2) {
      merged.push({ parts: { ...next.parts, street: current.parts.street, postBox: current.parts.postBox }, line: current.line });
      i++;
    } else {
      merged.push(current);
    }
  }
  // A visiting address wins over a PO box.
  const best = merged.find((address) => address.parts.street && !address.parts.postBox && address.parts.locality) ?? merged.find((address) => address.parts.locality) ?? merged[0];
  if (!best) return explicitCountry;

  const { parts } = best;
  if (parts.street) collector.add('address', parts.street, best.line);
  if (parts.locality?.zip) collector.add('zip', parts.locality.zip, best.line);
  if (parts.locality?.city) collector.add('city', parts.locality.city, best.line);

  const international = phones.map((phone) => (phone.raw.trim().startsWith('+') || phone.raw.trim().startsWith('00') ? findPhones(phone.raw)[0]?.e164 : undefined)).find(Boolean);
  const country =
    parts.country ??
    explicitCountry ??
    parts.locality?.country ??
    pickPossible(parts.locality?.possibleCountries, [
      international ? phoneCountry(international) : undefined,
      legalFormCountry,
      options.languageCountry,
      options.defaultCountry,
      streetCountry(parts.street),
    ]);
  if (country) collector.add('country', country, best.line);
  return country;
}

function pickPossible(possible: string[] | undefined, hints: (string | undefined)[]): string | undefined {
  if (!possible) return undefined;
  return hints.find((hint) => hint && possible.includes(hint));
}

/** Country suggested by the words of a street name ("rue" is French, "straße" German). */
function streetCountry(street: string | undefined): string | undefined {
  if (!street) return undefined;
  if (/\b(?:rue|allée|avenue|boulevard|cours|chemin|impasse|quai|place)\b/iu.test(street)) return 'FR';
  if (/(?:straße|strasse|gasse|allee|platz|damm|ufer|kai)\b/iu.test(street) || /^(?:Am|An der|Im|Auf der)\s/u.test(street)) return 'DE';
  return undefined;
}

function addPhones(collector: FieldCollector, phones: PhoneFound[], countries: (string | undefined)[]): void {
  const rank = (kind: LabelKind | undefined) => (kind === 'switchboard' ? 1 : 0);
  const ordered = [...phones].sort((a, b) => rank(a.kind) - rank(b.kind) || a.index - b.index);
  const candidates = [...new Set(countries.filter((country): country is string => Boolean(country)))];
  for (const phone of ordered) {
    // The first country in which the number is valid wins; international numbers ignore it.
    for (const country of candidates.length ? candidates : [undefined]) {
      const matches = findPhones(phone.raw, country);
      for (const match of matches) collector.add('phone', match.e164, phone.line);
      if (matches.length) break;
    }
  }
}

/** Tells whether a line is a sentence of the message ("Ik bel je morgen even."), not a title or name. */
function isSentence(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 3 && /[.!?]$/.test(text.trim()) && words.some((word) => /^\p{Ll}/u.test(word)) && !hasLegalForm(text);
}
