import { configureForSandbox, expect, openPopupOnGmailIn, test } from './fixtures';

test.use({ language: 'nl-NL' });

test('popup follows a Dutch browser', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const popup = await openPopupOnGmailIn(context, worker, extensionId, 'E-mail');

  await expect(popup.page.getByRole('heading', { name: 'Contact controleren' })).toBeVisible();
  await expect(popup.page.getByText('Uit de e-mailhandtekening, regel 18')).toBeVisible();
  await popup.page.getByRole('button', { name: 'Naar Thalamus sturen' }).click();

  await expect(popup.page.getByText(/Aangemaakt in Thalamus als C-[0-9a-f]{16}\./)).toBeVisible();
  expect(await popup.page.evaluate(() => document.documentElement.lang)).toMatch(/^nl/);
});

test('options page follows a Dutch browser', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);

  await expect(page.getByRole('heading', { name: 'Opties van Send to Thalamus' })).toBeVisible();
  await page.getByLabel('Basis-URL van Thalamus').fill('http://thalamus.example.com/api/v1');
  await page.getByRole('button', { name: 'Instellingen opslaan' }).click();

  await expect(page.getByText('Gebruik https://.')).toBeVisible();
});
