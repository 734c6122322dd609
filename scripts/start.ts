/**
 * `npm start`: builds the extension, starts the Thalamus sandbox, and opens Chromium with the
 * extension loaded and configured for the sandbox, on the Gmail-like sample page.
 *
 * With a display (DISPLAY set) the browser stays open for you to use until Ctrl+C. Without one,
 * or with `--headless`, it runs the flow itself: opens the review popup, saves screenshots
 * before and after sending to `start-output/`, and prints what the sandbox received.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import {
  configureExtension,
  extensionWorker,
  launchWithExtension,
  SAMPLE_ADDRESSES,
  serveSamplesAtRealHosts,
  tabIdOf,
} from './chromium';
import { startSandbox, type Sandbox } from './sandbox/server';

const OUTPUT_DIR = resolve(import.meta.dirname, '../start-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

await main();

async function main() {
  build();
  const sandbox = await startSandbox({ port: 0, log: (line) => console.log(`[sandbox] ${line}`) });
  console.log(`Thalamus sandbox at ${sandbox.apiBaseUrl} (key ${sandbox.apiKey})`);

  const userDataDir = await mkdtemp(join(tmpdir(), 'send-to-thalamus-'));
  const context = await launchWithExtension({ userDataDir, headless });
  await serveSamplesAtRealHosts(context, sandbox.url);
  const close = async () => {
    await context.close();
    await sandbox.close();
    await rm(userDataDir, { recursive: true, force: true });
  };

  try {
    const worker = await extensionWorker(context);
    await configureExtension(worker, { apiKey: sandbox.apiKey, baseUrl: sandbox.apiBaseUrl });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(SAMPLE_ADDRESSES.gmail);

    if (headless) {
      await runHeadless(context, new URL(worker.url()).host, await tabIdOf(worker, page.url()), sandbox);
      await close();
      return;
    }
    console.log(
      '\nChromium is open on a sample Gmail thread. Click the extension in the toolbar (the puzzle piece, then "Send to Thalamus"), review the contact and send it.',
    );
    console.log('In this browser, these addresses show the sandbox\'s sample pages instead of the real sites:');
    for (const address of Object.values(SAMPLE_ADDRESSES)) console.log(`  ${address}`);
    console.log(`More sample pages: ${sandbox.url}/samples/index.html. Press Ctrl+C to stop.\n`);
    await waitForExit(context);
  } finally {
    await close().catch(() => {});
  }
}

function build() {
  console.log('Building the extension (wxt build --mode test)…');
  const result = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

async function runHeadless(context: BrowserContext, extensionId: string, tabId: number, sandbox: Sandbox) {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 1000 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.locator('form.review').waitFor();

  const before = join(OUTPUT_DIR, 'popup-before-send.png');
  await popup.screenshot({ path: before, fullPage: true });
  await popup.getByRole('button', { name: /Send to Thalamus|Naar Thalamus sturen/ }).click();
  await popup.locator('.sent, .notice--error').first().waitFor();
  const after = join(OUTPUT_DIR, 'popup-after-send.png');
  await popup.screenshot({ path: after, fullPage: true });

  console.log(`\nNo display, so the flow ran headless. Screenshots:\n  ${before}\n  ${after}`);
  console.log('\nWhat the sandbox received:');
  console.log(JSON.stringify(sandbox.contacts(), null, 2));
}

function waitForExit(context: BrowserContext): Promise<void> {
  return new Promise((resolveExit) => {
    process.once('SIGINT', () => resolveExit());
    process.once('SIGTERM', () => resolveExit());
    context.once('close', () => resolveExit());
  });
}
