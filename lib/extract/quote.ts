import { findEmails } from './patterns';
import { cleanName } from './name';

/** One line of a text with its 1-based line number. */
export interface Line {
  text: string;
  number: number;
}

/** A person named in a quoted header ("Van: …", "On … wrote:"), with the header's role. */
export interface QuotedParty {
  role: 'from' | 'to';
  name?: string;
  email?: string;
}

/** A text split into the latest message and everything quoted or forwarded below it. */
export interface MessageSplit {
  latest: Line[];
  quoted: Line[];
  parties: QuotedParty[];
  /** Message below a forward separator that ends the latest message, split in turn. */
  forwarded?: ForwardedMessage;
}

/** Forwarded message: the sender from its header block and its body. */
export interface ForwardedMessage {
  sender?: QuotedParty;
  body: MessageSplit;
}

const ATTRIBUTION_START = /^\s*(?:On|Op|Am|Le|El|Il|Den|Em)\s.+/iu;
const ATTRIBUTION_END = /(?:wrote|schreef|schrieb|a écrit|escribió|ha scritto|skrev|escreveu)(?:\s*:?|\s.*:)\s*$/iu;
const REPLY_SEPARATOR =
  /^\s*(?:-{2,}\s*(?:Original Message|Oorspronkelijk bericht|Origineel bericht|Ursprüngliche Nachricht|Originalnachricht|Message d'origine|Message d’origine)\s*-{2,}|_{10,})\s*$/iu;
const FORWARD_SEPARATOR =
  /^\s*(?:-{2,}\s*(?:Forwarded message|Doorgestuurd bericht|Weitergeleitete Nachricht|Message transféré)\s*-{2,}|Begin forwarded message:|Begin doorgestuurd bericht:|Anfang der weitergeleiteten Nachricht:|Début du message réexpédié :?)\s*$/iu;
const FORWARD_SUBJECT = /^\s*\*?(?:Subject|Onderwerp|Betreff|Objet|Asunto|Oggetto)\s*\*?\s*:\s*(?:FW|FWD|Fwd|Fw|Doorst|WG|TR|RV|I)\s*:/u;
const FROM_HEADER = /^\s*\*?(?:From|Van|Von|De|Da|Från|Fra)\s*\*?\s*:\s*(.+)$/iu;
const TO_HEADER = /^\s*\*?(?:To|Aan|An|À|A|Para|Till|Til)\s*\*?\s*:\s*(.+)$/iu;
const ADDRESS_LIST = /^\s*(?:[^<>,;]*<[^<>\s]+@[^<>\s]+>[\s,;]*|[^\s<>,;@]+@[^\s<>,;@]+[\s,;]*)+$/u;
const OTHER_HEADER =
  /^\s*\*?(?:Sent|Date|Verzonden|Datum|Gesendet|Envoyé|Enviado|Inviato|Subject|Onderwerp|Betreff|Objet|Asunto|Oggetto|Cc|Kopie)\s*\*?\s*:/iu;

/** Splits an e-mail text at the first quoted reply or forwarded message. */
export function splitMessage(text: string): MessageSplit {
  return splitLines(text.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, number: index + 1 })));
}

function splitLines(lines: Line[]): MessageSplit {
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (startsQuote(lines, i)) {
      cut = i;
      break;
    }
  }
  // A selection of only a quoted message: unquote it and read it as the latest message.
  if (!hasContent(lines.slice(0, cut)) && lines.every((line) => !line.text.trim() || isQuotedLine(line))) {
    return { latest: lines.map((line) => ({ ...line, text: line.text.replace(/^\s*(?:>\s?)+/, '') })), quoted: [], parties: [] };
  }
  const bottomPosted = splitBottomPosted(lines);
  if (bottomPosted) return bottomPosted;
  const quoted = lines.slice(cut);
  const split: MessageSplit = { latest: lines.slice(0, cut), quoted, parties: parseParties(quoted) };
  if (FORWARD_SEPARATOR.test(lines[cut]?.text ?? '')) split.forwarded = readForwarded(lines.slice(cut + 1));
  else if (cut < lines.length) {
    // Outlook starts a forward with the same header block as a reply, so the subject decides.
    const headerStart = REPLY_SEPARATOR.test(lines[cut]?.text ?? '') ? cut + 1 : cut;
    if (hasForwardSubject(lines, headerStart)) split.forwarded = readForwarded(lines.slice(headerStart));
  }
  return split;
}

/** Tells whether the header block at `start` has a forward's subject ("Subject: FW: …", "Onderwerp: Doorst: …"). */
function hasForwardSubject(lines: Line[], start: number): boolean {
  for (let i = start; i < Math.min(lines.length, start + 10); i++) {
    const text = lines[i]?.text ?? '';
    if (FORWARD_SUBJECT.test(text)) return true;
    const isHeader = FROM_HEADER.test(text) || TO_HEADER.test(text) || OTHER_HEADER.test(text) || ADDRESS_LIST.test(text);
    if (text.trim() && !isHeader) return false;
  }
  return false;
}

/** Reads the header block below a forward separator ("From:", "Date:", "To:" …) and splits the body after it. */
function readForwarded(lines: Line[]): ForwardedMessage {
  let bodyStart = 0;
  let sender: QuotedParty | undefined;
  while (bodyStart < lines.length) {
    const text = lines[bodyStart]?.text ?? '';
    const from = FROM_HEADER.exec(text);
    if (from?.[1] && !sender) sender = { role: 'from', ...parseAddressee(from[1]) };
    // A long "To:" list wraps onto lines that contain only addresses.
    const isHeader = from || TO_HEADER.test(text) || OTHER_HEADER.test(text) || (sender && ADDRESS_LIST.test(text));
    if (text.trim() && !isHeader) break;
    bodyStart++;
  }
  const forwarded: ForwardedMessage = { body: splitLines(lines.slice(bodyStart)) };
  if (sender) forwarded.sender = sender;
  return forwarded;
}

/**
 * Splits a bottom-posted reply, where the quoted older mail comes first and the new message
 * follows it. The new message is every unquoted line below the first quote block, so replies
 * written between quotes count too, up to the next separator or quoted header. A greeting
 * above the first quote ("Hoi Anna,") belongs to an inline reply and stays in the message.
 */
function splitBottomPosted(lines: Line[]): MessageSplit | undefined {
  const firstQuoted = lines.findIndex(isQuotedLine);
  if (firstQuoted < 0) return undefined;
  const leading = lines.slice(0, firstQuoted).filter((line) => line.text.trim());
  const greeting = leading.length === 1 && GREETING.test(leading[0]?.text.trim() ?? '') ? leading : [];
  if (leading.length && !greeting.length && !isAttribution(leading)) return undefined;

  let replyStart = firstQuoted;
  while (replyStart < lines.length && (isQuotedLine(lines[replyStart]) || !lines[replyStart]?.text.trim())) replyStart++;
  let replyEnd = replyStart;
  while (replyEnd < lines.length && (isQuotedLine(lines[replyEnd]) || !startsQuote(lines, replyEnd))) replyEnd++;

  const reply = lines.slice(replyStart, replyEnd);
  const latest = [...greeting, ...reply.filter((line) => !isQuotedLine(line))];
  if (!hasContent(reply.filter((line) => !isQuotedLine(line)))) return undefined;
  const quoted = [...lines.slice(0, replyStart).filter((line) => !greeting.includes(line)), ...reply.filter(isQuotedLine), ...lines.slice(replyEnd)];
  return { latest, quoted, parties: parseParties(quoted) };
}

/** Tells whether lines are one attribution: "Lotte Verhoeven wrote:" or "On …, Name <…>" with "wrote:" below. */
function isAttribution(lines: Line[]): boolean {
  const [first, second] = lines.map((line) => line.text.trim());
  if (!first || lines.length > 2) return false;
  if (second === undefined) return ATTRIBUTION_END.test(first);
  return ATTRIBUTION_START.test(first) && ATTRIBUTION_END.test(`${first} ${second}`);
}

// A salutation on a line of its own, such as "Hoi Anna," or "Dear Mr Smith,".
const GREETING = /^(?:hoi|hi|hallo|hello|hey|beste|dag|goedemorgen|goedemiddag|geachte|dear|liebe[rs]?|guten\s+(?:tag|morgen)|sehr\s+geehrte[rs]?|bonjour|cher|chère|madame|monsieur)\b[^.!?:]{0,60}[,!]?$/iu;

function isQuotedLine(line: Line | undefined): boolean {
  return /^\s*>/.test(line?.text ?? '');
}

function hasContent(lines: Line[]): boolean {
  return lines.some((line) => line.text.trim() !== '');
}

function startsQuote(lines: Line[], index: number): boolean {
  const line = lines[index]?.text ?? '';
  if (/^\s*>/.test(line)) return true;
  if (REPLY_SEPARATOR.test(line) || FORWARD_SEPARATOR.test(line)) return true;
  if (ATTRIBUTION_START.test(line)) {
    const joined = `${line} ${lines[index + 1]?.text ?? ''}`;
    if (ATTRIBUTION_END.test(line) || (ATTRIBUTION_END.test(joined) && line.length < 200)) return true;
  }
  if (FROM_HEADER.test(line)) {
    for (let next = index + 1; next < Math.min(lines.length, index + 5); next++) {
      const text = lines[next]?.text ?? '';
      if (OTHER_HEADER.test(text) || TO_HEADER.test(text)) return true;
    }
  }
  return false;
}

function parseParties(quoted: Line[]): QuotedParty[] {
  const parties: QuotedParty[] = [];
  for (let i = 0; i < quoted.length; i++) {
    const text = (quoted[i]?.text ?? '').replace(/^\s*(?:>\s?)+/, '');
    const from = FROM_HEADER.exec(text);
    const to = TO_HEADER.exec(text);
    if (from?.[1]) parties.push({ role: 'from', ...parseAddressee(from[1]) });
    else if (to?.[1]) {
      for (const addressee of to[1].split(/;\s*/)) parties.push({ role: 'to', ...parseAddressee(addressee) });
    } else if (ATTRIBUTION_START.test(text)) {
      const joined = `${text} ${(quoted[i + 1]?.text ?? '').replace(/^\s*(?:>\s?)+/, '')}`;
      const found = /^(.*?)<([^>\s]+@[^>\s]+)>/u.exec(joined);
      // The name follows the date and time, a comma, or the verb: "… 09:12 schreef Lotte Verhoeven <…>".
      const name = found?.[1]?.replace(/^.*(?:\d|,|\bschreef|\bwrote|\bschrieb|\ba écrit)\s*/iu, '');
      if (found) parties.push({ role: 'from', ...parseAddressee(`${name ?? ''} <${found[2] ?? ''}>`) });
    }
  }
  return parties;
}

/** Parses "Krüger, Michael <m.krueger@example.de>", "Name [mailto:a@b]" or a bare address. */
export function parseAddressee(text: string): { name?: string; email?: string } {
  const email = findEmails(text)[0];
  let name = text
    .replace(/<[^>]*>|\[mailto:[^\]]*\]|\([^)]*@[^)]*\)/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/["']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  name = name ? cleanName(name) : '';
  const result: { name?: string; email?: string } = {};
  if (name) result.name = name;
  if (email) result.email = email;
  return result;
}
