import fc from 'fast-check';

/** Global that the markup below sets if a page handler or script ever runs during extraction. */
export const HANDLER_FLAG = '__thalamusHandlerRan';

const RUN_HANDLER = `globalThis.${HANDLER_FLAG}=true`;

/** Markup that runs code when a browser renders it or assigns it to `innerHTML`. */
export const ACTIVE_MARKUP = [
  `<img src=x onerror="${RUN_HANDLER}">`,
  `<script>${RUN_HANDLER}</script>`,
  `<svg onload="${RUN_HANDLER}"></svg>`,
  `<iframe srcdoc="<script>${RUN_HANDLER}</script>"></iframe>`,
  `<a href="javascript:${RUN_HANDLER}">x</a>`,
  `<details open ontoggle="${RUN_HANDLER}"></details>`,
];

// Pieces of real contact data, so that generated inputs reach deep into the extractors.
const CONTACT_PIECES = [
  'Kind regards,',
  'Met vriendelijke groet,',
  'Mit freundlichen Grüßen',
  'Jan Jansen',
  'Ilse de Vries-Mulder',
  'jan.jansen@example.org',
  'jan [at] example [dot] org',
  '+31 20 794 3150',
  'Tel: 020 794 3150',
  'M: 06 42178830 (mobile)',
  'Keizersgracht 123, 1015 CJ Amsterdam',
  'Musterstraße 5, 10115 Berlin, Deutschland',
  'Voorbeeld B.V.',
  'Senior Consultant',
  'https://www.linkedin.com/in/jan-jansen-123/',
  'www.example.org',
  'Op 3 maart 2025 schreef Piet <piet@example.org>:',
  'On Mon, 3 Mar 2025 at 10:00, Piet <piet@example.org> wrote:',
  'From: Piet <piet@example.org>',
  'Sent: Monday',
  '> quoted line',
  '-----Original Message-----',
  '© 2025 Voorbeeld B.V.',
];

// Text that breaks naive handling: direction overrides, zero-width and combining characters,
// lone surrogates, NUL, very long words.
const AWKWARD_PIECES = ['\u202e', '\u200f', '\u200b', '\ufeff', 'e\u0301', '\ud800', '\udfff', '\u0000', '\r\n', '\t', '\u00a0', 'שלום', 'مرحبا', '名前', '👩‍💻', '%', '%E0%A4%A', '"', "'", '<', '>', '&amp;', '&#x3c;'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CONTACT_PIECES) },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD_PIECES) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTIVE_MARKUP) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom('\n', ' ', ', ', ' | ', ': ') },
);

/** Text of up to `maxParts` pieces of contact data, markup, unicode and RTL, some repeated up to `maxRepeat` times. */
function textOf(maxParts: number, maxRepeat: number): fc.Arbitrary<string> {
  const repeated = fc.tuple(piece, fc.integer({ min: 2, max: maxRepeat })).map(([text, count]) => text.repeat(count));
  return fc.array(fc.oneof({ weight: 9, arbitrary: piece }, { weight: 1, arbitrary: repeated }), { maxLength: maxParts }).map((parts) => parts.join(''));
}

/** Text mixing contact data, markup, scripts, unicode, RTL and repeats longer than any real line. */
export const hostileText = textOf(30, 500);

/** Shorter hostile text, for the many text nodes and attributes of a generated page. */
export const pageText = textOf(6, 50);

const TAGS = ['div', 'p', 'span', 'a', 'main', 'footer', 'address', 'section', 'li', 'h1', 'td', 'code', 'blockquote', 'br', 'table'];

const ATTRIBUTES = fc.constantFrom(
  'class="h-card"', 'class="vcard"', 'class="p-name"', 'class="fn"', 'class="email"', 'class="u-email"', 'class="tel"', 'class="org"', 'class="adr"',
  'itemscope itemtype="https://schema.org/Person"', 'itemscope itemtype="https://schema.org/Organization"', 'itemprop="name"', 'itemprop="email"',
  'itemprop="telephone"', 'itemprop="address"', 'itemprop="worksFor"', 'href="mailto:jan@example.org"', 'href="tel:+31207943150"',
  'href="https://www.linkedin.com/in/jan/"', 'data-cfemail="543e35303a143b263d3d7a3a38"', 'hidden', 'style="display:none"', 'class="contact"',
  'class="adn"', 'class="a3s"', 'class="gD" email="jan@example.org" name="Jan Jansen"', 'class="gmail_quote"', 'class="gmail_signature"',
  'data-app-section="ConversationContainer"', 'role="document" aria-label="Message body"', 'aria-label="From: Jan Jansen" title="jan@example.org"',
  'id="x_divRplyFwdMsg"', 'role="listitem"', `onclick="${RUN_HANDLER}"`, `onmouseover="${RUN_HANDLER}"`,
);

/** An HTML fragment of nested elements with contact-like attributes and hostile text. */
export const hostileHtml: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'html', withCrossShrink: true },
    pageText,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(ATTRIBUTES, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3, depthIdentifier: 'html' }))
      .map(([tag, attributes, children]) => `<${tag} ${attributes.join(' ')}>${children.join('')}</${tag}>`),
  ),
})).node;

const SCHEMA_TYPES = ['Person', 'Organization', 'ProfilePage', 'WebPage', 'PostalAddress', 'ContactPoint', 'LocalBusiness', 'Corporation', 'WebSite'];
const SCHEMA_KEYS = ['name', 'givenName', 'familyName', 'email', 'telephone', 'jobTitle', 'worksFor', 'affiliation', 'address', 'streetAddress', 'postalCode', 'addressLocality', 'addressCountry', 'sameAs', 'url', 'contactPoint', 'mainEntity', '@id', '@graph', 'legalName', '@value'];

/** Random nested JSON-LD: schema.org-like objects, arrays, references and any JSON value. */
export const hostileJsonLd: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthIdentifier: 'json', withCrossShrink: true },
    fc.oneof(pageText, fc.constantFrom(...CONTACT_PIECES), fc.double(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3, depthIdentifier: 'json' }),
    fc
      .tuple(fc.constantFrom(...SCHEMA_TYPES), fc.dictionary(fc.constantFrom(...SCHEMA_KEYS), tie('value'), { maxKeys: 5 }))
      .map(([type, properties]) => ({ '@type': type, ...properties })),
    fc.jsonValue({ maxDepth: 3 }),
  ),
})).value;

/** A mailto: URL with several addresses, names, encodings and query parameters. */
export const hostileMailto = fc
  .tuple(
    fc.constantFrom('mailto:', 'MAILTO:', 'mailto://', ''),
    fc.array(fc.oneof(fc.constantFrom('jan@example.org', '"Jan, Jansen" <jan@example.org>', 'Jan Jansen <jan@example.org>', '%22Jan%22%20%3Cjan%40example.org%3E', '%', '%ZZ'), hostileText), { maxLength: 5 }),
    fc.constantFrom(',', ';', '%2C'),
    fc.option(fc.tuple(fc.constantFrom('?subject=', '?body=', '?cc=', '?to='), hostileText).map(([key, value]) => key + value)),
  )
  .map(([scheme, parts, separator, query]) => `${scheme}${parts.join(separator)}${query ?? ''}`);
