/**
 * Command-line front end of the extraction engine, used by corpus scorers and for debugging.
 *
 *   npm run --silent extract -- --url URL [--text] [--country NL] FILE
 *       prints the contact found in FILE (HTML, or plain text with --text) as one JSON object.
 *   npm run --silent extract -- --batch JOBS.jsonl
 *       reads jobs {"id", "kind": "text" | "html", "file", "url"}, one per line, and prints one
 *       line {"id", "contact"} per job.
 *
 * HTML is parsed by happy-dom with JavaScript evaluation and all file loading disabled, so no
 * page script, event handler or resource request runs.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { captureValues, type Capture } from '../lib/capture';
import { extractFromDocument, extractFromText } from '../lib/extract';

interface Job {
  id: string;
  kind: 'text' | 'html';
  file: string;
  url: string;
}

const OUTPUT_FIELDS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  zip: 'zip',
  city: 'city',
  country: 'country',
  organization: 'organization',
  job_title: 'jobTitle',
  website: 'website',
  linkedin: 'linkedin',
} as const;

const USAGE = `Usage:
  npm run --silent extract -- --url URL [--text] [--country CC] FILE
  npm run --silent extract -- --batch JOBS.jsonl [--country CC]`;

main(process.argv.slice(2));

function main(args: string[]): void {
  const options = parseArguments(args);
  const window = createParserWindow();
  try {
    if (options.batch) {
      runBatch(options.batch, window, options.country);
    } else if (options.file && options.url) {
      const contact = extractFile({ id: '', kind: options.text ? 'text' : 'html', file: options.file, url: options.url }, window, options.country);
      process.stdout.write(`${JSON.stringify(contact, null, 2)}\n`);
    } else {
      fail(`missing FILE or --url.\n${USAGE}`);
    }
  } finally {
    void window.happyDOM.close();
  }
}

function runBatch(jobsFile: string, window: Window, country: string | undefined): void {
  const lines = readFileSync(jobsFile, 'utf8').split('\n').filter((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    let job: Job;
    try {
      job = JSON.parse(line) as Job;
    } catch (error) {
      process.stderr.write(`extract: line ${index + 1} of ${jobsFile} is not valid JSON (${String(error)}); skipped\n`);
      continue;
    }
    try {
      process.stdout.write(`${JSON.stringify({ id: job.id, contact: extractFile(job, window, country) })}\n`);
    } catch (error) {
      process.stderr.write(`extract: job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

function extractFile(job: Job, window: Window, country: string | undefined): Record<string, string | null> {
  const content = readFileSync(job.file, 'utf8');
  const options = country ? { defaultCountry: country } : {};
  let capture: Capture;
  if (job.kind === 'text') {
    capture = extractFromText(content, job.url, options);
  } else {
    const parser = new window.DOMParser();
    const document = parser.parseFromString(content, 'text/html');
    capture = extractFromDocument(document as unknown as Document, job.url, options);
  }
  const values = captureValues(capture);
  return Object.fromEntries(Object.entries(OUTPUT_FIELDS).map(([outputKey, field]) => [outputKey, values[field] ?? null]));
}

/** A happy-dom window that parses HTML but never runs or fetches anything. */
function createParserWindow(): Window {
  return new Window({
    url: 'about:blank',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true, disableFallbackToSetURL: true },
    },
  });
}

function parseArguments(args: string[]): { batch?: string; url?: string; text: boolean; file?: string; country?: string } {
  const parsed: { batch?: string; url?: string; text: boolean; file?: string; country?: string } = { text: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--batch') parsed.batch = args[++i];
    else if (arg === '--url') parsed.url = args[++i];
    else if (arg === '--text') parsed.text = true;
    else if (arg === '--country') parsed.country = args[++i]?.toUpperCase();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg?.startsWith('--')) fail(`unknown option ${arg}.\n${USAGE}`);
    else parsed.file = arg;
  }
  return parsed;
}

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`);
  process.exit(2);
}
