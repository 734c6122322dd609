/** Labels and keywords that classify signature lines and page snippets. */

export type LabelKind = 'phone' | 'mobile' | 'switchboard' | 'fax' | 'email' | 'website' | 'linkedin' | 'address' | 'other';

const WORD_LABELS: [LabelKind, string[]][] = [
  ['fax', ['fax', 'telefax', 'téléc', 'télécopie', 'fax nr', 'faxnummer']],
  ['mobile', ['m', 'mob', 'mobile', 'mobiel', 'mobil', 'mobilfunk', 'gsm', 'cell', 'cellphone', 'cell phone', 'handy', 'portable', 'port', 'mobile phone', 'mobielnummer', 'tél. portable', 'tel. mobiel']],
  ['switchboard', ['zentrale', 'centrale', 'switchboard', 'main', 'reception', 'receptie', 'algemeen', 'general', 'standard', 'accueil', 'office', 'kantoor', 'hauptnummer']],
  ['phone', ['t', 'tel', 'tél', 'tele', 'telefoon', 'telefon', 'telephone', 'téléphone', 'phone', 'ph', 'p', 'direct', 'direct line', 'direkt', 'durchwahl', 'd', 'dd', 'dl', 'work', 'werk', 'bureau', 'fixe', 'vast', 'tel nr', 'telefoonnummer', 'rufnummer', 'phone number', 'telephone number']],
  ['email', ['e', 'email', 'e-mail', 'mail', 'courriel', 'e-mailadres', 'emailadres', 'mél', 'mel']],
  ['website', ['w', 'web', 'website', 'www', 'internet', 'site', 'site web', 'site internet', 'homepage', 'url', 'webseite']],
  ['linkedin', ['linkedin', 'li']],
  ['address', ['adres', 'address', 'adresse', 'bezoekadres', 'visiting address', 'postadres', 'postal address', 'anschrift', 'addr', 'office address', 'kantooradres', 'besuchsadresse', 'vestigingsadres']],
  ['other', ['wechat', 'skype', 'twitter', 'x', 'instagram', 'facebook', 'whatsapp', 'signal', 'teams', 'kvk', 'btw', 'vat', 'iban', 'bic', 'hrb', 'siret', 'tva', 'ust-idnr', 'rpr', 'ref', 'referentie']],
];

const ICON_LABELS: [LabelKind, RegExp][] = [
  ['fax', /^📠/u],
  ['mobile', /^[📱📲]/u],
  ['phone', /^(?:☎|📞|✆|☏)/u],
  ['email', /^(?:✉|📧|📨|📩|💌)/u],
  ['website', /^(?:🌐|🔗|💻|🖥)/u],
  ['address', /^(?:📍|🏢|🏠|🏬|🗺)/u],
];

const LABEL_PATTERN = buildLabelPattern();

function buildLabelPattern(): RegExp {
  const words = WORD_LABELS.flatMap(([, labels]) => labels)
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s'));
  // After the label: an optional dot or "(mobiel)", then a colon, a dash or a space; "e.smit@…" is no label.
  return new RegExp(`^(${words.join('|')})\\.?(?:\\s*\\([^)]{1,20}\\))?(?:\\s*[:：]|\\s+[-–]|\\s)\\s*(\\S.*)$`, 'iu');
}

/** A line segment split into its label (if it has one) and the value after it. */
export interface LabelledValue {
  label: LabelKind | undefined;
  value: string;
}

/** Reads a leading label such as "T:", "Mob.", "E-mail" or a phone emoji from a segment. */
export function readLabel(segment: string): LabelledValue {
  const text = segment.trim();
  for (const [kind, pattern] of ICON_LABELS) {
    if (pattern.test(text)) {
      return { label: kind, value: text.replace(pattern, '').replace(/^[\s:\ufe0f]+/u, '').trim() };
    }
  }
  const match = LABEL_PATTERN.exec(text);
  if (match?.[1] && match[2]) {
    const word = match[1].toLowerCase().replace(/\s+/g, ' ');
    // A one-letter label counts only when written as a capital or followed by a colon: "T 020 …", "e: …".
    const oneLetter = word.length === 1;
    const hasColon = /^\S+\s*[:.]/u.test(text.slice(0, match[1].length + 2));
    if (oneLetter && !hasColon && match[1] !== match[1].toUpperCase()) return { label: undefined, value: text };
    const kind = WORD_LABELS.find(([, labels]) => labels.includes(word))?.[0];
    return { label: kind, value: match[2].trim() };
  }
  return { label: undefined, value: text };
}

/** Trailing markers after a number: "(Mobile)", "(mobiel)", "(direct)". */
export function trailingPhoneKind(segment: string): LabelKind | undefined {
  if (/\((?:mobile|mobiel|mobil|gsm|cell|portable|handy)\)/i.test(segment)) return 'mobile';
  if (/\((?:fax|telefax)\)/i.test(segment)) return 'fax';
  if (/\((?:switchboard|office|main|reception|centrale|zentrale)\)/i.test(segment)) return 'switchboard';
  return undefined;
}

const LEGAL_FORMS =
  /(?:^|[\s,])(?:b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|c\.?v\.?|gmbh|ag|kg|mbh|ohg|gbr|ug|e\.\s?k\.|e\.v\.|sas|sasu|sarl|eurl|s\.?a\.?|sa|scs|sprl|srl|bvba|cvba|vzw|asbl|ltd\.?|limited|llp|llc|inc\.?|plc|corp\.?|co\.|oy|ab|a\/s|aps|as|s\.?p\.?a\.?|s\.?l\.?|pty|pte|kft|sp\.\s?z\s?o\.?o\.?)(?=$|[\s,.)])/iu;
const ORG_WORDS =
  /\b(?:gemeente|provincie|waterschap|stichting|vereniging|hogeschool|universiteit|university|universität|université|school|college|academy|academie|ziekenhuis|hospital|klinik|clinique|ministerie|ministry|brouwerij|bakkerij|group|groep|gruppe|groupe|holding|company|compagnie|partners|associates|associés|advocaten|notarissen|accountants|architects|architecten|architekten|chambers|consulting|consultancy|solutions|software|systems|technologies|technology|logistics|logistik|transport|energy|energie|bank|insurance|verzekeringen|versicherung|talent|media|studio|agency|bureau|kanzlei|cabinet|atelier|fondation|foundation|institute|instituut|institut|verlag|werke|bouw|bau|services|diensten|industries|industrie|international|europe|nederland|deutschland|france|belgium|vignobles|menuiseries|precision|précision|castings|kosmetik|payments|marketing bv)\b/iu;

/** Tells whether a text names an organization: it carries a legal form or a typical organization word. */
export function looksLikeOrganization(text: string): boolean {
  return LEGAL_FORMS.test(text) || ORG_WORDS.test(text) || /\s&\s|\s\+\s/.test(text);
}

export function hasLegalForm(text: string): boolean {
  return LEGAL_FORMS.test(text);
}

const TITLE_WORDS =
  /(?:\b(?:manager|director|directeur|directrice|direktor|direktorin|head|lead|leader|leiter|leiterin|leitung|chief|officer|ceo|cfo|cto|coo|cmo|cio|vp|vice|president|président|présidente|founder|co-founder|cofounder|oprichter|gründer|gründerin|fondateur|fondatrice|owner|eigenaar|eigenares|inhaber|inhaberin|gérant|gérante|zaakvoerder|bestuurder|geschäftsführer|geschäftsführerin|partner|associate|consultant|adviseur|adviseuse|advisor|adviser|berater|beraterin|conseiller|conseillère|specialist|spezialist|spécialiste|engineer|ingenieur|ingenieurin|ingénieur|ingénieure|developer|entwickler|développeur|designer|architect|architekt|architecte|analyst|analist|assistant|assistent|assistente|assistentin|secretary|secretaresse|sekretärin|secrétaire|coordinator|coördinator|coordinatrice|koordinator|planner|recruiter|accountmanager|account|sales|verkoop|vertrieb|vertriebs\S*|marketing|inkoop|einkauf|achats|purchasing|procurement|buyer|inkoper|officemanager|office|projectleider|projektleiter|projektleiterin|projectmanager|chef|responsable|chargé|chargée|teamleider|teamleiter|teamleiterin|medewerker|mitarbeiter|mitarbeiterin|employee|advocaat|lawyer|solicitor|barrister|rechtsanwalt|rechtsanwältin|avocat|avocate|notaris|notar|notaire|accountant|controller|boekhouder|buchhalter|comptable|student|intern|stagiair|trainee|werkstudent|docent|teacher|lecturer|professor|hoogleraar|researcher|onderzoeker|scientist|arts|doctor|physician|nurse|verpleegkundige|therapist|therapeut|makelaar|broker|agent|editor|redacteur|journalist|writer|auteur|photographer|fotograaf|fotograf|operations|finance|hr|administratie|administration|verwaltung|beheer|support|service|customer|klantenservice|receptionist|board|bestuur|member|lid|voorzitter|chair|chairman|treasurer|penningmeester|secretaris|principal|senior|junior|trainer|coach|strategist|executive|administrator|technician|monteur|technicus|installateur|uitvoerder|werkvoorbereider|bedrijfsleider|filiaalmanager|manufacturing|production|productie|produktion|logistiek|logistics|méthodes|commercial|commerciale|commercieel|kaufmann|kauffrau)\b|manager$|leider$|leiter$|leiterin$)/iu;

/** Country that a legal form belongs to, for numbers and postcodes without other evidence. */
export function countryFromLegalForm(text: string): string | undefined {
  if (/(?:^|\s)(?:vzw|asbl|bvba|sprl|comm\.?\s?v|cvba)(?=$|[\s,.])/iu.test(text)) return 'BE';
  if (/(?:^|\s)(?:gmbh|mbh|e\.\s?k\.|ug|ohg|gbr|partgmbb|mbb)(?=$|[\s,.&])/iu.test(text)) return 'DE';
  if (/(?:^|\s)(?:sarl|sas|sasu|eurl|sci)(?=$|[\s,.])/iu.test(text)) return 'FR';
  if (/(?:^|\s)(?:b\.v\.|v\.o\.f\.|vof|c\.v\.|u\.a\.)(?=$|[\s,.])/iu.test(text)) return 'NL';
  if (/(?:^|\s)(?:ltd|limited|llp|plc)(?=$|[\s,.])/iu.test(text) && !/co\.,?\s*ltd/iu.test(text)) return 'GB';
  return undefined;
}

/** Tells whether a text reads as a job title. */
export function looksLikeJobTitle(text: string): boolean {
  return TITLE_WORDS.test(text);
}

const REGISTRATION_WORDS =
  /\b(?:KvK|K\.v\.K\.?|Kamer van Koophandel|Handelsregister|BTW|BTW-nr|VAT|IBAN|BIC|SWIFT|HRB|HRA|USt|USt-IdNr|USt-ID|Steuernummer|St\.-Nr|SIRET|SIREN|RCS|TVA|RPR|RPM|Company (?:number|no)|Registered (?:number|no)|Chamber of Commerce|Ondernemingsnummer|Ondernemingsnr|N° TVA|Code APE|NAF|Reg\.?\s?(?:no|nr))\b/iu;
const LEGAL_NOTICE_WORDS =
  /\b(?:Amtsgericht|Registergericht|Registry court|Vorstand|Aufsichtsrat|Registered (?:in|office)|Sitz der Gesellschaft|Capital social|au capital de)\b|^Sitz\s*:|\bGeschäftsführ\S*\s*:/iu;

/** Tells whether a line gives registration numbers, bank details or a legal notice; never contact data. */
export function isLegalLine(text: string): boolean {
  return LEGAL_NOTICE_WORDS.test(text) || (REGISTRATION_WORDS.test(text) && /\d{4}/.test(text));
}

/** Lines that start a disclaimer, a mobile-app footer or a legal notice; the signature ends before them. */
export const END_OF_SIGNATURE =
  /^(?:disclaimer|confidential|this (?:e-?mail|message)|dit (?:e-?mail)?bericht|deze e-?mail|diese (?:e-?mail|nachricht)|ce (?:message|courriel|mail)|the information (?:contained|in this)|de informatie|die informationen|please consider|denk aan het milieu|bitte denken sie|pensez à|sent from|verzonden (?:vanaf|met)|verstuurd (?:vanaf|met)|von meinem|gesendet von|envoyé (?:de|depuis)|get outlook|obtenir outlook|download outlook|télécharger outlook|holen sie sich outlook|outlook voor|outlook pour|outlook für)/iu;
