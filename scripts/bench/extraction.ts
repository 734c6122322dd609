/// <reference types="chrome" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Route, Worker } from '@playwright/test';
import { tabIdOf } from '../chromium';

/** One large page to extract from, served at `url` inside the benchmark's browser context. */
export interface LargePage {
  name: string;
  url: string;
  html: string;
}

export interface ExtractionSamples {
  /** In the page: `document.body.innerText` read once, the floor for any extractor. */
  innerTextMs: number[];
  /** In the page: evaluation of the built capture script, which runs the whole extraction. */
  captureMs: number[];
  /** From the worker: `scripting.executeScript` of the capture script, result included. */
  injectedMs: number[];
  /** Fields the capture found in the last run, to show that the extraction did its work. */
  foundFields: string[];
}

/**
 * Times the extraction on a large page against one `innerText` read of the same page. Each run
 * loads the page afresh and measures one thing, alternating, so that neither measurement
 * profits from layout or text the other has already computed.
 *
 * The in-page numbers evaluate the built `capture.js` in the page's main world with `eval`,
 * which the fixture pages allow because they have no CSP. A call from the extension would add
 * IPC and structured cloning, so that end-to-end cost is measured apart, as `injectedMs`.
 */
export async function measureExtraction(
  context: BrowserContext,
  worker: Worker,
  buildDir: string,
  page: LargePage,
  runs: number,
): Promise<ExtractionSamples> {
  const captureSource = readFileSync(join(buildDir, 'capture.js'), 'utf8');
  const documentUrl = page.url.replace(/#.*$/, '');
  const matchesPage = (url: URL) => url.href === documentUrl;
  const servePage = (route: Route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page.html });
  await context.route(matchesPage, servePage);
  const tab = await context.newPage();
  const samples: ExtractionSamples = { innerTextMs: [], captureMs: [], injectedMs: [], foundFields: [] };

  try {
    await loadSettled(tab, page.url);
    const tabId = await tabIdOf(worker, tab.url());
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? (['innerText', 'capture', 'injected'] as const) : (['capture', 'innerText', 'injected'] as const);
      for (const kind of order) {
        await loadSettled(tab, page.url);
        if (kind === 'innerText') samples.innerTextMs.push(await timeInnerText(tab));
        if (kind === 'capture') {
          const { ms, fields } = await timeCaptureScript(tab, captureSource);
          samples.captureMs.push(ms);
          samples.foundFields = fields;
        }
        if (kind === 'injected') samples.injectedMs.push(await timeInjection(worker, tabId));
      }
    }
  } finally {
    await tab.close();
    await context.unroute(matchesPage, servePage);
  }
  return samples;
}

/** Loads the page and waits until it has rendered twice, so layout is done before timing. */
async function loadSettled(tab: Page, url: string) {
  await tab.goto('about:blank');
  await tab.goto(url, { waitUntil: 'load' });
  await tab.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

function timeInnerText(tab: Page): Promise<number> {
  return tab.evaluate(() => {
    const start = performance.now();
    const text = document.body.innerText;
    const ms = performance.now() - start;
    if (text.length === 0) throw new Error('The page has no text.');
    return ms;
  });
}

async function timeCaptureScript(tab: Page, source: string): Promise<{ ms: number; fields: string[] }> {
  return tab.evaluate((source) => {
    const start = performance.now();
    // The built script is an IIFE whose value is the capture, as `executeScript` returns it.
    const capture = (0, eval)(source) as { fields: Record<string, unknown> };
    const ms = performance.now() - start;
    return { ms, fields: Object.keys(capture.fields) };
  }, source);
}

async function timeInjection(worker: Worker, tabId: number): Promise<number> {
  return worker.evaluate(async (tabId) => {
    const start = performance.now();
    const [result] = await chrome.scripting.executeScript({ target: { tabId }, files: ['/capture.js'] });
    const ms = performance.now() - start;
    if (!result?.result) throw new Error('The capture script returned nothing.');
    return ms;
  }, tabId);
}
