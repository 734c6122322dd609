/// <reference types="chrome" />
import { expect, test } from './fixtures';

test('options page saves a key without exposing it', async ({ context, worker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByText('No key is saved yet.')).toBeVisible();

  const keyInput = page.getByLabel('API key', { exact: true });
  await expect(keyInput).toHaveAttribute('type', 'password');
  await keyInput.fill('Bearer nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8');
  await expect(page.getByText('without “Bearer ” in front')).toBeVisible();
  await page.getByLabel('Show key').check();
  await expect(page.getByLabel('API key', { exact: true })).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Save key' }).click();

  await expect(page.getByText('A key ending in …y6z8 is saved.')).toBeVisible();
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
  const stored = await worker.evaluate(() => chrome.storage.local.get('apiKey'));
  expect(stored.apiKey).toBe('nerds_live_a8f3d9k2m5n7p1q4r6t8v0w2x4y6z8');
});

test('options page keeps a key warning visible after saving', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  await page.getByLabel('API key', { exact: true }).fill('nerds_live_abc def1234567890abcdef');
  await page.getByRole('button', { name: 'Save key' }).click();

  await expect(page.getByRole('alert')).toContainText('The key was saved, but check it: The key contains spaces or line breaks.');
});

test('options page rejects a plain http base URL', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  await page.getByLabel('Thalamus base URL').fill('http://thalamus.example.com/api/v1');
  await page.getByRole('button', { name: 'Save settings' }).click();

  await expect(page.getByText('Use https://. Plain http:// is allowed only for this computer')).toBeVisible();
  await expect(page.getByText('Settings were not saved.')).toBeVisible();
});

test('options page saves a loopback base URL and defaults', async ({ context, worker, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  await page.getByLabel('Thalamus base URL').fill('http://127.0.0.1:5319/api/v1/');
  await page.getByLabel('Default organization id', { exact: true }).fill('ORG-5001');
  await page.getByLabel('Default country for phone numbers').fill('be');
  await page.getByLabel('Review the contact before sending when using the context menu').uncheck();
  await page.getByLabel('Keep the history of sent contacts for (days)').fill('30');
  await page.getByRole('button', { name: 'Save settings' }).click();

  await expect(page.getByText('Settings saved.')).toBeVisible();
  const { settings } = await worker.evaluate(() => chrome.storage.local.get('settings'));
  expect(settings).toMatchObject({
    baseUrl: 'http://127.0.0.1:5319/api/v1',
    defaultOrganizationId: 'ORG-5001',
    defaultCountry: 'BE',
    reviewBeforeSending: false,
    historyRetentionDays: 30,
  });
});

test('options page rejects an invalid number of days', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  await page.getByLabel('Keep the history of sent contacts for (days)').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();

  await expect(page.getByText('Enter a whole number from 1 to 3650.')).toBeVisible();
  await expect(page.getByText('Settings were not saved.')).toBeVisible();
});

test('options page lists the keyboard shortcuts', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  const section = page.getByRole('region', { name: 'Keyboard shortcuts' });
  await expect(section.getByRole('term')).toHaveText([
    'Review the contact on this page',
    'Capture the selected text as a contact',
  ]);
  await expect(section.getByRole('definition')).toHaveText(['Alt+Shift+K', 'Alt+Shift+J']);
  await expect(section.getByText('chrome://extensions/shortcuts')).toBeVisible();

  const [settingsPage] = await Promise.all([
    context.waitForEvent('page'),
    section.getByRole('button', { name: 'Change shortcuts' }).click(),
  ]);
  await expect(settingsPage).toHaveURL('chrome://extensions/shortcuts');
});
