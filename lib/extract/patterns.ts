/** Text patterns shared by the extractors: e-mail addresses, URLs and their normal forms. */

// The local part and each domain label have the maximum lengths of RFC 5321 (64 and 63). The
// bounds also keep matching linear: with `+`, a long word without "@" backtracks quadratically.
const EMAIL_SOURCE = String.raw`[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63})*\.\p{L}{2,24}`;

export const EMAIL_PATTERN = new RegExp(EMAIL_SOURCE, 'u');
const EMAIL_GLOBAL = new RegExp(EMAIL_SOURCE, 'gu');

/** Returns the e-mail addresses in a text, lower-cased, after undoing "[at]" and "(dot)" spellings. */
export function findEmails(text: string): string[] {
  const plain = deobfuscateEmailText(text);
  const emails: string[] = [];
  for (const match of plain.matchAll(EMAIL_GLOBAL)) {
    const email = normalizeEmail(match[0]);
    if (email && !emails.includes(email)) emails.push(email);
  }
  return emails;
}

/** Rewrites "jan [at] example [dot] nl" and similar spellings to a plain address. */
export function deobfuscateEmailText(text: string): string {
  // `(?<!\s)` lets a match start only where a run of spaces starts. Without it, a long run
  // with no bracket after it is scanned again from each of its positions.
  return text
    .replace(/(?<!\s)\s*(?:\[|\(|\{)\s*(?:at|@|apenstaartje|ät|arobase)\s*(?:\]|\)|\})\s*/giu, '@')
    .replace(/(?<!\s)\s*(?:\[|\(|\{)\s*(?:dot|punt|punkt|point)\s*(?:\]|\)|\})\s*/giu, '.')
    .replace(/(\S)\s+(?:at|AT)\s+(\S+)\s+(?:dot|DOT)\s+([a-z]{2,6})\b/gu, '$1@$2.$3');
}

/** Returns a lower-case address without "mailto:" or a query, or null when it is not an address. */
export function normalizeEmail(raw: string): string | null {
  let email = raw.trim().replace(/^mailto:/i, '');
  email = email.split('?')[0] ?? '';
  try {
    email = decodeURIComponent(email);
  } catch {
    // Keep the raw text when it contains a stray "%".
  }
  email = email.replace(/^[<("']+|[>)"'.,;:]+$/g, '').toLowerCase();
  return new RegExp(`^${EMAIL_SOURCE}$`, 'u').test(email) ? email : null;
}

const NO_REPLY_PATTERN = /^(?:no-?reply|do-?not-?reply|noreply|notifications?|mailer-daemon|bounce)/i;

/** Tells whether an address is a relay or robot mailbox that no person reads. */
export function isNoReplyEmail(email: string): boolean {
  const local = email.split('@')[0] ?? '';
  return NO_REPLY_PATTERN.test(local);
}

/** Mailboxes of a team or organization rather than of one person. */
export function isGenericEmail(email: string): boolean {
  const local = email.split('@')[0] ?? '';
  return /^(?:info|contact|kontakt|hello|hallo|hi|office|mail|post|reception|receptie|enquiries|inquiries|sales|verkoop|support|service|admin|team|clerks|secretariaat|sekretariat|accueil|bonjour|welkom|welcome)$/i.test(
    local,
  );
}

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'()|·,]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|nl|be|de|fr|uk|eu|io|co|info|biz|at|ch|lu|es|it|dk|se|no|fi|pl|energy|tech|app|dev|agency|design|studio|law|legal|online|shop|store|nu|me|cn)(?:\/[^\s<>"'()|·,]*)?/giu;

/** Returns the web addresses written in a text, without the ones inside e-mail addresses. */
export function findUrls(text: string): string[] {
  const withoutEmails = text.replace(new RegExp(EMAIL_SOURCE, 'gu'), ' ');
  return [...withoutEmails.matchAll(URL_PATTERN)].map((match) => match[0].replace(/[.,;:]+$/, ''));
}

/** Parses a URL written with or without a scheme; returns null for anything that is not http(s). */
export function parseWebUrl(raw: string): URL | null {
  const text = raw.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url;
  } catch {
    return null;
  }
}

/** Returns the canonical `https://www.linkedin.com/in/<slug>` of a profile URL, or null for other URLs. */
export function canonicalLinkedInProfile(raw: string): string | null {
  const url = parseWebUrl(raw);
  if (!url || !/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  const match = /^\/in\/([^/?#]+)/i.exec(url.pathname);
  if (!match?.[1]) return null;
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // Keep the encoded slug.
  }
  return `https://www.linkedin.com/in/${encodeURIComponent(slug).replace(/%2D/gi, '-')}`;
}

const SOCIAL_HOSTS = /(^|\.)(?:linkedin|facebook|twitter|x|instagram|youtube|tiktok|xing|github|wa\.me|t\.me|pinterest|google|goo\.gl|bit\.ly|aka\.ms|microsoft|office|outlook|apple|gmail)\.(?:com|me|gl|ly|ms)$/i;

/** Returns the normal form of a company or personal website, or null for social networks and tracking links. */
export function normalizeWebsite(raw: string): string | null {
  const url = parseWebUrl(raw);
  if (!url) return null;
  if (SOCIAL_HOSTS.test(url.hostname)) return null;
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.hostname.toLowerCase()}${path}`;
}

/** Returns the root of the site a page belongs to, such as `https://www.example.nl`. */
export function siteRoot(pageUrl: string): string | null {
  const url = parseWebUrl(pageUrl);
  return url ? `${url.protocol}//${url.hostname.toLowerCase()}` : null;
}

/** Host name without a leading "www.". */
export function bareHost(raw: string): string {
  const url = parseWebUrl(raw);
  return url ? url.hostname.toLowerCase().replace(/^www\./, '') : '';
}
