import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Gzip budgets in bytes (1 kB = 1000 bytes) for the production build. A bundle is every
 * JavaScript file its page or worker loads at start, shared chunks included; the options page
 * has no budget of its own but is measured.
 */
export const GZIP_BUDGETS = {
  capture: 30_000,
  popup: 60_000,
  background: 30_000,
} as const;

export type BundleName = 'capture' | 'popup' | 'options' | 'background';

export interface BundleSize {
  name: BundleName;
  /** Files relative to the build folder, the entry first. */
  files: string[];
  rawBytes: number;
  /** Sum of each file gzipped on its own at level 9, as a browser would fetch them. */
  gzipBytes: number;
  budgetBytes?: number;
}

/** Measures the bundles of the built extension in `buildDir` (e.g. `.output/chrome-mv3`). */
export function measureBundles(buildDir: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const worker = manifest.background?.service_worker;
  if (!worker) throw new Error(`${buildDir}/manifest.json has no background.service_worker; build for Chromium (MV3).`);

  const entries: Record<BundleName, string[]> = {
    capture: ['capture.js'],
    popup: scriptsOfPage(buildDir, 'popup.html'),
    options: scriptsOfPage(buildDir, 'options.html'),
    background: [worker],
  };
  return (Object.entries(entries) as Array<[BundleName, string[]]>).map(([name, roots]) => {
    const files = staticImportClosure(buildDir, roots);
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const content = readFileSync(join(buildDir, file));
      rawBytes += content.length;
      gzipBytes += gzipSync(content, { level: 9 }).length;
    }
    const budgetBytes = name in GZIP_BUDGETS ? GZIP_BUDGETS[name as keyof typeof GZIP_BUDGETS] : undefined;
    return { name, files, rawBytes, gzipBytes, ...(budgetBytes ? { budgetBytes } : {}) };
  });
}

/** Module scripts and module preloads of an HTML page, relative to the build folder. */
function scriptsOfPage(buildDir: string, page: string): string[] {
  const html = readFileSync(join(buildDir, page), 'utf8');
  const sources = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => match[1]!);
  if (sources.length === 0) throw new Error(`${page} in ${buildDir} loads no script.`);
  return sources.map((source) => resolveFrom(page, source));
}

// Static `import ... from "x"`, bare `import "x"` and `export ... from "x"` in Vite's minified output.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["']([^"']+\.js)["']/g;

/** The files in `roots` and every file they import statically, in discovery order. */
function staticImportClosure(buildDir: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(resolveFrom(file, match[1]!));
  }
  return [...seen];
}

function resolveFrom(importer: string, specifier: string): string {
  const path = specifier.startsWith('/') ? specifier.slice(1) : posix.join(posix.dirname(importer), specifier);
  return posix.normalize(path);
}

