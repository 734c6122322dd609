import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { configureForSandbox, expect, openPopupOnGmail, test } from './fixtures';

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test('popup has no accessibility violations', async ({ context, worker, extensionId, sandbox }) => {
      await configureForSandbox(worker, sandbox);
      const popup = await openPopupOnGmail(context, worker, extensionId);
      await popup.page.emulateMedia({ colorScheme });

      await expectNoViolations(popup.page);

      await popup.field('Email').fill('not an address');
      await popup.send();
      await expect(popup.page.getByRole('alert').first()).toBeVisible();
      await expectNoViolations(popup.page);
    });

    test('options page has no accessibility violations', async ({ context, extensionId }) => {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${extensionId}/options.html`);
      await expect(page.getByLabel('API key', { exact: true })).toBeVisible();

      await expectNoViolations(page);
    });

    test('history page has no accessibility violations', async ({ context, worker, extensionId, sandbox }) => {
      await configureForSandbox(worker, sandbox);
      const popup = await openPopupOnGmail(context, worker, extensionId);
      await popup.send();
      await expect(popup.page.getByText('Created in Thalamus')).toBeVisible();
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`chrome-extension://${extensionId}/sent-contacts.html`);
      await expect(page.locator('tbody tr')).toHaveCount(1);

      await expectNoViolations(page);
    });
  });
}

test('popup works with the keyboard alone', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const popup = await openPopupOnGmail(context, worker, extensionId);
  const page = popup.page;

  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Contact to send (people found on this page)')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email', { exact: true })).toBeFocused();

  await page.getByLabel('Comment').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('External id')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send to Thalamus' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Created in Thalamus' })).toBeVisible();
  expect(sandbox.contacts()).toHaveLength(1);
});
