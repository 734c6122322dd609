/**
 * `npm run bench`: builds the extension twice (production for bundle sizes, test mode for the
 * browser runs), loads the test build into Chromium beside a Thalamus sandbox, and prints the
 * median of repeated runs of each benchmark with its budget. BENCHMARKS.md records the results.
 *
 * Options:
 *   --runs N         repetitions of each timing benchmark (default 15)
 *   --drain-runs N   repetitions of the 1,000-contact drain, about 20 s each (default 3)
 *   --skip-build     measure the builds already in .output
 *   --only LIST      run only these benchmarks, comma-separated: sizes, extraction, popup,
 *                    upsert, drain (default: all)
 *   --json FILE      also write every sample to FILE
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Worker } from '@playwright/test';
import { configureExtension, extensionWorker, launchWithExtension, SAMPLE_ADDRESSES, serveSamplesAtRealHosts, TEST_BUILD_DIR } from './chromium';
import { measureDrain, measureUpsert, DRAIN_FAULTS } from './bench/delivery';
import { measureExtraction } from './bench/extraction';
import { describeMachine } from './bench/machine';
import { largeGmailThread, longLinkedInProfile } from './bench/pages';
import { measurePopupOpen } from './bench/popup';
import { measureBundles } from './bench/sizes';
import { formatKb, formatMs, summarize } from './bench/stats';
import { startSandbox, type Sandbox } from './sandbox/server';

const PRODUCTION_BUILD_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

/** Budgets for the timings, in milliseconds or as a ratio; sizes have theirs in bench/sizes.ts. */
const EXTRACTION_MAX_RATIO = 2;
const POPUP_MAX_MS = 150;
const DRAIN_CONTACTS = 1_000;

const BENCHMARKS = ['sizes', 'extraction', 'popup', 'upsert', 'drain'] as const;

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'drain-runs': { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string', default: BENCHMARKS.join(',') },
    json: { type: 'string' },
  },
});
const runs = positiveInteger(options.runs!, '--runs');
const drainRuns = positiveInteger(options['drain-runs']!, '--drain-runs');
const selected = new Set(options.only!.split(',').map((name) => name.trim()));
for (const name of selected) {
  if (!(BENCHMARKS as readonly string[]).includes(name)) throw new Error(`Unknown benchmark "${name}" in --only; choose from ${BENCHMARKS.join(', ')}.`);
}

await main();

async function main() {
  if (!options['skip-build']) {
    build(['wxt', 'build']);
    build(['wxt', 'build', '--mode', 'test']);
  }
  const report: string[] = [];
  const samples: Record<string, unknown> = {};
  const line = (text: string) => {
    report.push(text);
    console.log(text);
  };

  line(`Machine: ${describeMachine()}`);
  line(`Runs: ${runs} per timing, ${drainRuns} for the drain; medians, with min–max in brackets.`);
  line('');

  if (selected.has('sizes')) {
    line('| bundle (production, gzip -9) | files | raw | gzip | budget |');
    line('|---|---|---|---|---|');
    const bundles = measureBundles(PRODUCTION_BUILD_DIR);
    samples.bundles = bundles;
    for (const bundle of bundles) {
      const budget = bundle.budgetBytes ? `${formatKb(bundle.budgetBytes)} ${verdict(bundle.gzipBytes <= bundle.budgetBytes)}` : '–';
      line(`| ${bundle.name} | ${bundle.files.length} | ${formatKb(bundle.rawBytes)} | ${formatKb(bundle.gzipBytes)} | ${budget} |`);
    }
    line('');
  }
  if (!['extraction', 'popup', 'upsert', 'drain'].some((name) => selected.has(name))) return;

  const sandbox = await startSandbox({ port: 0 });
  const userDataDir = await mkdtemp(join(tmpdir(), 'thalamus-bench-'));
  const context = await launchWithExtension({ userDataDir });
  try {
    await serveSamplesAtRealHosts(context, sandbox.url);
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    await configureExtension(worker, { apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl });
    line(`Chromium: ${context.browser()?.version() ?? (await worker.evaluate(() => navigator.userAgent))}`);
    line('');
    const session: BrowserSession = { context, worker, extensionId, sandbox, line, samples };

    if (selected.has('extraction')) await benchExtraction(session);
    if (selected.has('popup')) await benchPopup(session);
    if (selected.has('upsert')) await benchUpsert(session);
    if (selected.has('drain')) await benchDrain(session);
  } finally {
    await context.close();
    await sandbox.close();
    await rm(userDataDir, { recursive: true, force: true });
  }

  if (options.json) await writeFile(options.json, JSON.stringify({ report, samples }, null, 2));
}

interface BrowserSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  sandbox: Sandbox;
  line: (text: string) => void;
  samples: Record<string, unknown>;
}

async function benchExtraction({ context, worker, line, samples }: BrowserSession) {
  line('| extraction (in the page) | page size | innerText | capture.js | ratio | budget | executeScript from the worker |');
  line('|---|---|---|---|---|---|---|');
  const largePages = [
    { name: 'Gmail thread', url: SAMPLE_ADDRESSES.gmail, html: largeGmailThread() },
    { name: 'LinkedIn profile', url: SAMPLE_ADDRESSES.linkedin, html: longLinkedInProfile() },
  ];
  for (const page of largePages) {
    const result = await measureExtraction(context, worker, TEST_BUILD_DIR, page, runs);
    samples[`extraction ${page.name}`] = result;
    const innerText = summarize(result.innerTextMs);
    const capture = summarize(result.captureMs);
    const ratio = capture.median / innerText.median;
    line(
      `| ${page.name} (found: ${result.foundFields.join(', ') || 'nothing'}) | ${formatKb(page.html.length)} | ${range(innerText)} | ${range(capture)} | ${ratio.toFixed(2)}x | ≤ ${EXTRACTION_MAX_RATIO}x ${verdict(ratio <= EXTRACTION_MAX_RATIO)} | ${range(summarize(result.injectedMs))} |`,
    );
  }
  line('');
}

async function benchPopup({ context, worker, extensionId, line, samples }: BrowserSession) {
  const popup = await measurePopupOpen(context, worker, extensionId, SAMPLE_ADDRESSES.gmail, runs);
  samples.popup = popup;
  const summary = summarize(popup.filledMs);
  line('| popup | median (min–max) | budget |');
  line('|---|---|---|');
  line(`| navigation start to filled Email input (${popup.email}) | ${range(summary)} | ≤ ${POPUP_MAX_MS} ms ${verdict(summary.median <= POPUP_MAX_MS)} |`);
  line('');
}

async function benchUpsert({ context, worker, extensionId, sandbox, line, samples }: BrowserSession) {
  const upsert = await measureUpsert(context, worker, extensionId, sandbox, runs);
  samples.upsert = upsert;
  line('| one contact upsert to the sandbox | median (min–max) |');
  line('|---|---|');
  line(`| through the worker (message, outbox, fetch, response) | ${range(summarize(upsert.throughWorkerMs))} |`);
  line(`| raw fetch from the worker | ${range(summarize(upsert.rawFetchMs))} |`);
  line('');
}

async function benchDrain({ context, worker, sandbox, line, samples }: BrowserSession) {
  const drain = await measureDrain(context, worker, sandbox, DRAIN_CONTACTS, drainRuns);
  samples.drain = drain;
  const fault = DRAIN_FAULTS.faults[0]!;
  line(
    `| drain of ${DRAIN_CONTACTS} queued contacts, ${fault.rate * 100} % answered 429 with Retry-After ${fault.retryAfter} s (seed ${DRAIN_FAULTS.seed}) | median (min–max) | 429 responses |`,
  );
  line('|---|---|---|');
  line(`| until the outbox is empty | ${rangeSeconds(summarize(drain.drainMs))} | ${drain.rateLimited.join(', ')} |`);
  line('');
}

function build(args: string[]) {
  console.log(`Building: npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed with exit code ${result.status}; run it alone to see why.`);
}

function range(summary: ReturnType<typeof summarize>): string {
  return `${formatMs(summary.median)} (${summary.min.toFixed(1)}–${summary.max.toFixed(1)})`;
}

function rangeSeconds(summary: ReturnType<typeof summarize>): string {
  return `${(summary.median / 1000).toFixed(1)} s (${(summary.min / 1000).toFixed(1)}–${(summary.max / 1000).toFixed(1)})`;
}

function verdict(withinBudget: boolean): string {
  return withinBudget ? 'met' : '**over**';
}

function positiveInteger(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${text}".`);
  return value;
}
