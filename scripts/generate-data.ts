/**
 * Regenerates the data files that the extension bundles instead of whole third-party data sets:
 *
 * - `lib/phone-metadata.json`: libphonenumber-js's "min" metadata for every country without its
 *   formatting rules (`formats`, `national_prefix_formatting_rule`). The extension parses and
 *   validates numbers and prints them only in E.164, which needs neither, and they are half of
 *   the metadata's size.
 * - `lib/country-codes.json`: the ISO 3166-1 alpha-2 codes known to i18n-iso-countries.
 * - `lib/extract/country-names.json`: every English, Dutch, German and French name of each
 *   country in i18n-iso-countries, folded for lookups.
 *
 * Run `npx tsx scripts/generate-data.ts` after upgrading libphonenumber-js or
 * i18n-iso-countries; a unit test fails while the committed files differ from its output.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatedData } from './data/generate';

const root = resolve(import.meta.dirname, '..');
for (const [path, content] of Object.entries(generatedData())) {
  writeFileSync(resolve(root, path), content);
  console.log(`Wrote ${path} (${content.length} bytes)`);
}
