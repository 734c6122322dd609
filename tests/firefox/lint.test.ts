import { existsSync } from 'node:fs';
import { join } from 'node:path';
import webExt, { type LintMessage, type LintReport } from 'web-ext';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD_DIR } from '../../scripts/firefox';

function describeMessages(messages: LintMessage[]): string[] {
  return messages.map((entry) => `${entry.code} ${entry.file ?? ''}:${entry.line ?? ''}:${entry.column ?? ''} ${entry.message}`);
}

describe('web-ext lint of the Firefox build', () => {
  let report: LintReport;

  beforeAll(async () => {
    if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
      throw new Error(`No Firefox build in ${FIREFOX_BUILD_DIR}. Run \`npm run build:firefox\` first.`);
    }
    report = await webExt.cmd.lint({ sourceDir: FIREFOX_BUILD_DIR, output: 'json' }, { shouldExitProgram: false });
  });

  it('reports no errors', () => {
    expect(describeMessages(report.errors)).toEqual([]);
  });

  it('reports no warnings', () => {
    expect(describeMessages(report.warnings)).toEqual([]);
  });
});
