import type { Capture } from '../capture';
import { safely, FieldCollector, type ExtractorResult } from './candidates';
import { countryForLanguage } from './country';
import { textReadsCut } from './dom-text';
import { extractHCard } from './hcard';
import { extractJsonLd } from './jsonld';
import { boundDocument, boundText, EXTRACTION_LIMITS } from './limits';
import { mergeResults } from './merge';
import { extractMicrodata } from './microdata';
import { extractPage } from './page';
import { normalizeEmail, parseWebUrl } from './patterns';
import { parseAddressee } from './quote';
import { extractGmail, isGmail } from './sites/gmail';
import { extractLinkedInProfile, isLinkedInProfile, linkedInProfileFromUrl } from './sites/linkedin';
import { extractOutlook, isOutlook } from './sites/outlook';
import { extractFromEmailText } from './text';

export interface ExtractOptions {
  /** Text the user selected; when non-empty it is the primary source. */
  selection?: string;
  /** ISO alpha-2 country for phone numbers written without a country code; overrides the page's language. */
  defaultCountry?: string;
  /** The user's default country, tried for such numbers after every country the page or text suggests; empty for none. */
  fallbackCountry?: string;
}

/**
 * Extracts the contact on a page. Reads the document only: it runs no page script, writes
 * nothing into the document and treats all page text as data. Never throws; an extractor that
 * fails contributes nothing. A page or selection over `EXTRACTION_LIMITS` is read only in part,
 * and the capture says so with `truncated`.
 */
export function extractFromDocument(page: Document, url: string, options: ExtractOptions = {}): Capture {
  const title = safely(() => page.title?.trim() || undefined, undefined);
  const selection = boundText(options.selection?.trim() ?? '', EXTRACTION_LIMITS.maxSelectionLength);
  if (selection.text) {
    const results = [safely(() => extractFromEmailText(selection.text, textContext('selection', options)), emptyResult())];
    // The profile a user is on is a fact about the page, not about unrelated page text.
    const linkedin = linkedInProfileFromUrl(url);
    if (linkedin) results.push(pageUrlResult(linkedin));
    return markTruncated(safeMerge(url, title, results), selection.truncated);
  }

  const cutBefore = textReadsCut();
  const bounded = safely(() => boundDocument(page), { document: page, truncated: false });
  const capture = extractFromBoundedDocument(bounded.document, url, title, options);
  return markTruncated(capture, bounded.truncated || textReadsCut() > cutBefore);
}

function extractFromBoundedDocument(document: Document, url: string, title: string | undefined, options: ExtractOptions): Capture {
  const parsedUrl = parseWebUrl(url);
  const defaultCountry =
    options.defaultCountry ?? safely(() => countryForLanguage(document.documentElement?.getAttribute('lang') ?? undefined), undefined) ?? options.fallbackCountry;
  // Webmail signatures weigh the country against their own address, domain and language.
  const signatureCountry = options.defaultCountry ?? options.fallbackCountry;
  const results: ExtractorResult[] = [];

  if (parsedUrl && isGmail(parsedUrl)) {
    results.push(...(safely(() => extractGmail(document, signatureCountry), null) ?? []));
  } else if (parsedUrl && isOutlook(parsedUrl)) {
    results.push(...(safely(() => extractOutlook(document, signatureCountry), null) ?? []));
  } else if (parsedUrl && isLinkedInProfile(parsedUrl)) {
    results.push(...safely(() => extractLinkedInProfile(document, parsedUrl, defaultCountry), []));
    // Logged-out profiles describe the member in JSON-LD.
    results.push(...safely(() => extractJsonLd(document, url, defaultCountry), []).filter((result) => result.role === 'person'));
  } else {
    const structured = [
      ...safely(() => extractJsonLd(document, url, defaultCountry), []),
      ...safely(() => extractMicrodata(document, defaultCountry), []),
      ...safely(() => extractHCard(document, defaultCountry), []),
    ];
    results.push(...structured);
    results.push(...safely(() => extractPage(document, url, structured, defaultCountry), []));
  }
  return safeMerge(url, title, results);
}

/** Extracts the contact in a selected text or pasted e-mail: the latest sender's signature. */
export function extractFromText(text: string, url: string, options: ExtractOptions = {}): Capture {
  const bounded = boundText(String(text ?? ''), EXTRACTION_LIMITS.maxSelectionLength);
  const results = [safely(() => extractFromEmailText(bounded.text, textContext('selection', options)), emptyResult())];
  const linkedin = linkedInProfileFromUrl(url);
  if (linkedin) results.push(pageUrlResult(linkedin));
  return markTruncated(safeMerge(url, undefined, results), bounded.truncated);
}

/**
 * Extracts the address of a right-clicked mailto: link. A name is taken only from the
 * "Name <address>" form; a subject or body parameter is never a name.
 */
export function extractFromMailtoUrl(url: string): Capture {
  const collector = new FieldCollector('mailto');
  const bounded = boundText(String(url ?? ''), EXTRACTION_LIMITS.maxMailtoLength);
  safely(() => {
    let target = bounded.text.replace(/^mailto:/i, '');
    target = target.split('?')[0] ?? '';
    try {
      target = decodeURIComponent(target);
    } catch {
      // Keep the encoded text.
    }
    for (const part of target.split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
      const addressee = parseAddressee(part);
      const email = addressee.email ?? normalizeEmail(part);
      if (!email) continue;
      collector.add('email', email);
      if (addressee.name && !collector.has('name')) collector.add('name', addressee.name);
    }
  }, undefined);
  return markTruncated(safeMerge(url, undefined, [{ role: 'person', fields: collector.fields }]), bounded.truncated);
}

function textContext(source: 'selection', options: ExtractOptions) {
  // In a text, the explicit country already comes after the text's own address and language.
  const country = options.defaultCountry ?? options.fallbackCountry;
  return { source, ...(country ? { defaultCountry: country } : {}) };
}

function pageUrlResult(linkedin: string): ExtractorResult {
  const collector = new FieldCollector('page-url');
  collector.add('linkedin', linkedin);
  return { role: 'person', fields: collector.fields };
}

function emptyResult(): ExtractorResult {
  return { role: 'person', fields: {} };
}

function markTruncated(capture: Capture, truncated: boolean): Capture {
  return truncated ? { ...capture, truncated: true } : capture;
}

function safeMerge(url: string, title: string | undefined, results: ExtractorResult[]): Capture {
  return safely(() => mergeResults(String(url ?? ''), title, results), { url: String(url ?? '').slice(0, 2000), fields: {} });
}
