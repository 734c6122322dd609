/** Cleaning and recognition of personal names. */

const SALUTATIONS = /^(?:mr|mrs|ms|miss|mx|dhr|mevr|mw|mevrouw|meneer|de heer|herr|frau|m|mme|mlle|monsieur|madame|maître|maitre|sir|dame|i\.\s?a|i\.\s?v|ppa|pp)\.?\s+/iu;
const TITLES_BEFORE =
  /^(?:dr|drs|prof|ir|ing|mr|ds|dipl\.-[\p{L}]+|dipl|mag|bc|ba|ma|msc|bsc|mba|lic|univ\.-prof|priv\.-doz|dott|dr\.\s?med|dr\.\s?rer\.\s?nat|dr\.\s?ing|dr\.\s?h\.\s?c)\.?\s+/iu;
const POST_NOMINALS = new Set(
  [
    'phd', 'ph.d', 'msc', 'm.sc', 'bsc', 'b.sc', 'ma', 'm.a', 'ba', 'b.a', 'mba', 'llm', 'll.m', 'llb', 'md', 'jd', 'esq',
    'ra', 'aa', 'cpa', 'cfa', 'acca', 'fca', 'aca', 'kc', 'qc', 'mrtpi', 'frtpi', 'pmp', 'rics', 'mrics', 'frics', 'riba',
    'ceng', 'mice', 'frsa', 'obe', 'mbe', 'cbe', 'jr', 'sr', 'ii', 'iii', 'mpa', 'meng', 'bba', 'rc', 're', 'ri', 'emba',
    'cissp', 'cisa', 'cism', 'prince2', 'dipl.-ing', 'ing', 'ir', 'drs', 'mr', 'bi', 'cmc', 'cip', 'fcipd', 'mcipd', 'chfc',
  ].map((title) => title.replace(/\.$/, '')),
);
const PRONOUNS = /\s*[([]?\b(?:she\/her(?:\/hers)?|he\/him(?:\/his)?|they\/them(?:\/theirs)?|zij\/haar|hij\/hem|die\/hen|sie\/ihr|er\/ihm|elle|il\/lui)\b[)\]]?/giu;
const PICTOGRAPHS = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu;
const PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", '’t', 'ten', 'ter', 'te', 'in', "'", 'von', 'zu', 'vom', 'zum', 'du', 'da', 'dos', 'das', 'di', 'le', 'la', 'del', 'della', 'des', 'bin', 'binti', 'al', 'el', 'y', 'e', 'op', 'uit', 'aan', 'd’', "d'", 'st.', 'mac', 'ibn',
]);

/**
 * Cleans a personal name: drops salutations, academic and professional titles, pronouns,
 * emoji and "(via …)" suffixes, and turns "Vermeer, Joost" into "Joost Vermeer".
 * Tussenvoegsels and non-Latin scripts are kept as written.
 */
export function cleanName(raw: string): string {
  let name = raw.normalize('NFC').replace(PICTOGRAPHS, ' ').replace(/\s+/g, ' ').trim();
  name = name.replace(/\s*\((?:via|namens|im Auftrag|pour le compte)[^)]*\)\s*$/iu, '');
  name = name.replace(PRONOUNS, ' ').replace(/\s+/g, ' ').trim();
  name = name.replace(/^[-–—•*_~"'“”„]+\s*|[-–—•*_~"'“”„,;:]+$/gu, '').trim();

  // A Latin transliteration after a non-Latin name: "王小明 (Xiaoming Wang)".
  const bracketed = /^(.+?)\s*[(（]([^)）]+)[)）]$/u.exec(name);
  if (bracketed?.[1] && !/\p{Script=Latin}/u.test(bracketed[1])) name = bracketed[1].trim();

  name = reorderLastFirst(name);

  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(SALUTATIONS, '').replace(TITLES_BEFORE, '').trim();
  }
  name = stripPostNominals(name);
  return name.replace(/\s+/g, ' ').trim();
}

/** Turns "Vermeer, Joost" or "Vermeer, J." into natural order; leaves "Jan Jansen, PhD" alone. */
function reorderLastFirst(name: string): string {
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length !== 2) return name;
  const [last, first] = parts as [string, string];
  if (!first || !last || isPostNominal(first)) return name;
  const words = (text: string) => text.split(/\s+/);
  if (words(first).length > 3 || words(last).length > 4) return name;
  if (!/^[\p{Lu}]/u.test(first) || !/^[\p{L}'’]/u.test(last)) return name;
  return `${first} ${last}`;
}

function stripPostNominals(name: string): string {
  // "Jane Doe, PhD, MBA" and "Jan de Boer RA".
  let result = name.replace(/,\s*([^,]+)$/u, (whole, tail: string) => (tail.split(/[\s,]+/).every(isPostNominal) ? '' : whole));
  result = result.replace(/,\s*([^,]+)$/u, (whole, tail: string) => (tail.split(/[\s,]+/).every(isPostNominal) ? '' : whole));
  const words = result.split(' ');
  while (words.length > 2 && isPostNominal(words.at(-1) ?? '')) words.pop();
  return words.join(' ');
}

function isPostNominal(word: string): boolean {
  const folded = word.toLowerCase().replace(/[().,]+$/g, '').replace(/^\(/, '');
  return POST_NOMINALS.has(folded) || POST_NOMINALS.has(folded.replace(/\./g, ''));
}

const NOT_NAME_WORDS = new Set([
  'met', 'vriendelijke', 'groet', 'groeten', 'regards', 'kind', 'best', 'thanks', 'thank', 'cheers', 'mit', 'freundlichen', 'grüßen', 'cordialement',
  'team', 'contact', 'kontakt', 'about', 'over', 'ons', 'uns', 'nous', 'home', 'news', 'nieuws', 'impressum', 'privacy', 'welcome', 'welkom',
  'sales', 'support', 'service', 'info', 'office', 'manager', 'director', 'directeur', 'b.v.', 'bv', 'gmbh', 'ltd', 'inc', 'llp', 'sas', 'sarl',
  'street', 'straat', 'road', 'the', 'and', 'of', 'for', 'our', 'your', 'meet', 'people', 'mail', 'email', 'e-mail', 'phone', 'telefoon',
  'tel', 'mobile', 'mobiel', 'fax', 'website', 'linkedin', 'sent', 'from', 'to', 'subject', 'verzonden', 'onderwerp', 'herrn', 'hi', 'hoi', 'hallo', 'hello', 'hey', 'dear', 'beste', 'geachte', 'goedemorgen', 'goedemiddag', 'bonjour',
  'betreff', 'gesendet', 'envoyé', 'objet', 'reply', 'forward', 'inbox', 'outlook', 'gmail', 'google', 'microsoft', 'iphone', 'android',
  'disclaimer', 'confidential', 'vertrouwelijk', 'kvk', 'btw', 'iban', 'vat', 'hrb', 'group', 'groep', 'holding', 'partners', 'advocaten',
  'accountants', 'consultancy', 'consulting', 'solutions', 'services', 'student', 'ceo', 'cto', 'cfo', 'founder', 'owner', 'eigenaar',
  'projectleider', 'planner', 'recruiter', 'adviseur', 'consultant', 'engineer', 'developer', 'partner', 'head', 'lead', 'nous', 'contacter',
  'ihr', 'ihre', 'je', 'your', 'yours', 'uw', 'votre', 'bien', 'à', 'vous', 'best', 'wishes', 'liebe', 'viele', 'grüße', 'hartelijke',
  'srl', 'sprl', 'bvba', 'vzw', 'asbl', 'nv', 'ag', 'kg', 'plc', 'vof', 'sa', 'spa', 'oy', 'ab', 'namens', 'afdeling', 'department', 'abteilung', 'gemeente', 'stichting', 'university', 'universiteit', 'hogeschool', 'school', 'college',
]);

/** Tells whether a text looks like a personal name: a few capitalized words, no digits, no common non-name words. */
export function looksLikePersonName(text: string, options: { allowSingleWord?: boolean } = {}): boolean {
  const name = stripMarkup(text);
  if (!name || name.length > 60 || /[\d@/\\|:;!?=<>{}[\]#%&+*_]/u.test(name)) return false;
  if (/[.!?]$/.test(name) && !/\b\p{Lu}\.$/u.test(name)) return false;

  const words = name.split(/\s+/);
  if (!/\p{Script=Latin}|\p{Script=Greek}|\p{Script=Cyrillic}/u.test(name)) {
    // Scripts without letter case (Chinese, Japanese, Arabic, Hebrew ...): judge by length only.
    return words.length <= 4 && name.length <= 30 && /^[\p{L}\p{M}\s·・'’-]+$/u.test(name);
  }
  if (words.length > 5) return false;
  if (words.length < 2 && !options.allowSingleWord) return false;

  let capitalized = 0;
  for (const word of words) {
    const folded = word.toLowerCase();
    if (NOT_NAME_WORDS.has(folded)) return false;
    if (PARTICLES.has(folded)) continue;
    if (/^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(word) || /^(?:d'|d’|o'|o’|l'|l’|mc|mac)\p{Lu}/iu.test(word)) {
      capitalized++;
      continue;
    }
    return false;
  }
  return capitalized >= 1 && !words.every((word) => word.length <= 2 && word.endsWith('.'));
}

/** Tells whether `longer` is `shorter` written out: "Thijs" and "Thijs van der Meer", "J. Smit" and "Jan Smit" excluded. */
export function extendsName(shorter: string, longer: string): boolean {
  const short = shorter.toLowerCase().split(/\s+/);
  const long = longer.toLowerCase().split(/\s+/);
  if (short.length > long.length) return false;
  let position = 0;
  for (const word of short) {
    position = long.indexOf(word, position);
    if (position < 0) return false;
    position++;
  }
  return short[0] === long[0];
}

/** Removes markup-looking text ("<b>", "<script>…</script>") so that a name check sees the words only. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<\/?[a-z][^>]*>/giu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tells whether two names probably belong to the same person (one extends the other, or they share a word). */
export function namesMatch(a: string, b: string): boolean {
  const wordsA = nameWords(a);
  const wordsB = nameWords(b);
  return wordsA.some((word) => word.length > 1 && wordsB.includes(word));
}

export function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[\s.,'’-]+/)
    .filter((word) => word && !PARTICLES.has(word));
}
