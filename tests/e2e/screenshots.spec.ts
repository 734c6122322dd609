import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { configureForSandbox, expect, openPopupOnGmail, openPopupOnGmailIn, test } from './fixtures';

// `UPDATE_SCREENSHOTS=1 npx playwright test screenshots` refreshes the README's pictures;
// otherwise the screenshots go to the test output folder.
const DIRECTORY = process.env.UPDATE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../docs/screenshots')
  : resolve(import.meta.dirname, '../../test-results/screenshots');

async function save(page: Page, name: string) {
  await mkdir(DIRECTORY, { recursive: true });
  await page.screenshot({ path: resolve(DIRECTORY, `${name}.png`), fullPage: true });
}

test('screenshots of popup, outbox, options and history', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const popup = await openPopupOnGmail(context, worker, extensionId);
  await popup.page.setViewportSize({ width: 400, height: 600 });
  await save(popup.page, 'popup-review');

  sandbox.setFaults([{ kind: 'status', status: 503 }]);
  await popup.send();
  await expect(popup.page.locator('.outbox')).toBeVisible();
  await save(popup.page, 'popup-outbox');
  sandbox.clearFaults();
  await popup.page.getByRole('button', { name: 'Retry now: Lotte van den Berg' }).click();
  await expect(popup.page.locator('.outbox')).toHaveCount(0);

  const options = await context.newPage();
  await options.setViewportSize({ width: 800, height: 600 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('A key ending in')).toBeVisible();
  await save(options, 'options');

  const history = await context.newPage();
  await history.setViewportSize({ width: 900, height: 400 });
  await history.goto(`chrome-extension://${extensionId}/sent-contacts.html`);
  await expect(history.locator('tbody tr')).toHaveCount(1);
  await save(history, 'history');
});

test.describe('in Dutch and dark', () => {
  test.use({ language: 'nl-NL' });

  test('screenshot of the Dutch popup', async ({ context, worker, extensionId, sandbox }) => {
    await configureForSandbox(worker, sandbox);
    const popup = await openPopupOnGmailIn(context, worker, extensionId, 'E-mail');
    await popup.page.setViewportSize({ width: 400, height: 600 });
    await popup.page.emulateMedia({ colorScheme: 'dark' });

    await save(popup.page, 'popup-review-nl-dark');
  });
});
