import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SAMPLES_DIR = resolve(import.meta.dirname, '../sandbox/pages');

/**
 * Builds a Gmail thread of about `targetBytes` from the sandbox's Gmail sample. The latest
 * message stays as it is, and its quoted history grows by copies of the quoted message, each
 * with its own date and number, as in a long reply chain. The same arguments give the same page.
 */
export function largeGmailThread(targetBytes = 2_000_000): string {
  const sample = readFileSync(resolve(SAMPLES_DIR, 'gmail.html'), 'utf8');
  const quoteStart = sample.indexOf('<div class="gmail_quote gmail_quote_container">');
  // The copy ends with the quote container's own closing tag, so copies follow one another
  // instead of nesting.
  const quoteEnd = sample.indexOf('</div>', sample.indexOf('</blockquote>', quoteStart)) + '</div>'.length;
  if (quoteStart < 0 || quoteEnd < quoteStart) throw new Error('gmail.html no longer has the quoted reply that the benchmark copies.');
  const quoted = sample.slice(quoteStart, quoteEnd);

  const copies: string[] = [];
  let size = sample.length;
  for (let index = 1; size < targetBytes; index++) {
    const copy = quoted
      .replace('Op ma 24 nov 2025 om 09:12', `Op ma ${1 + (index % 28)} okt 2025 om 09:${String(index % 60).padStart(2, '0')}`)
      .replace('de plattegrond van de tweede verdieping', `versie ${index} van de plattegrond van de tweede verdieping`);
    copies.push(copy);
    size += copy.length;
  }
  return sample.slice(0, quoteEnd) + copies.join('\n') + sample.slice(quoteEnd);
}

/**
 * Builds a LinkedIn profile of about `targetBytes` from the sandbox's LinkedIn sample by adding
 * past positions to the experience card, each with its own title, firm and dates. The current
 * position stays first, as LinkedIn lists it.
 */
export function longLinkedInProfile(targetBytes = 1_000_000): string {
  const sample = readFileSync(resolve(SAMPLES_DIR, 'linkedin.html'), 'utf8');
  const experience = sample.indexOf('<div id="experience"');
  const firstEntry = sample.indexOf('<li class="artdeco-list__item', experience);
  const secondEntry = sample.indexOf('<li class="artdeco-list__item', firstEntry + 1);
  const listEnd = sample.indexOf('</ul>', secondEntry);
  if (experience < 0 || firstEntry < 0 || secondEntry < 0 || listEnd < 0) {
    throw new Error('linkedin.html no longer has the experience card that the benchmark copies.');
  }
  const pastEntry = sample.slice(secondEntry, listEnd);

  const entries: string[] = [];
  let size = sample.length;
  for (let index = 1; size < targetBytes; index++) {
    const endYear = 2016 - (index % 30);
    const entry = pastEntry
      .replaceAll('Bouwkundig projectmedewerker', `Projectmedewerker ${index}`)
      .replaceAll('Van Rijn Bouwadvies', `Bouwadviesbureau ${index}`)
      .replaceAll('Sep 2016 - Feb 2021', `Sep ${endYear - 2} - Feb ${endYear}`);
    entries.push(entry);
    size += entry.length;
  }
  return sample.slice(0, listEnd) + entries.join('') + sample.slice(listEnd);
}
