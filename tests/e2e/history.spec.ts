import { readFile } from 'node:fs/promises';
import { configureForSandbox, expect, GMAIL_SENDER_EMAIL, openPopupOnGmail, test } from './fixtures';

test('history lists, searches, exports, resends and clears', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const popup = await openPopupOnGmail(context, worker, extensionId);
  await popup.send();
  await expect(popup.page.getByText('Created in Thalamus')).toBeVisible();
  const externalId = sandbox.contacts()[0]!.external_id;

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sent-contacts.html`);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Lotte van den Berg');
  await expect(rows.first()).toContainText(GMAIL_SENDER_EMAIL);
  await expect(rows.first()).toContainText(externalId);
  await expect(rows.first()).toContainText('Created');

  await page.getByLabel('Search by name or email').fill('nobody');
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Search by name or email').fill('lotte BERG');
  await expect(rows).toHaveCount(1);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
  const csvText = await readFile((await csv.path())!, 'utf8');
  expect(csvText).toContain(`,${externalId},Lotte van den Berg,${GMAIL_SENDER_EMAIL},+31207943150,`);
  const [vcard] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as vCard' }).click()]);
  expect(await readFile((await vcard.path())!, 'utf8')).toContain('FN:Lotte van den Berg');

  await page.getByRole('button', { name: 'Send again: Lotte van den Berg' }).click();
  await expect(page.getByRole('status')).toContainText(`Updated in Thalamus: ${externalId}`);
  expect(sandbox.contacts()).toHaveLength(1);
  expect(sandbox.requests().filter((request) => request.path.includes('/contact/'))).toHaveLength(2);
  await expect(rows).toHaveCount(2);

  await page.getByRole('button', { name: 'Clear history' }).click();
  await page.getByRole('button', { name: 'Yes, clear the history' }).click();
  await expect(page.getByText('The history was cleared.')).toBeVisible();
  await expect(rows).toHaveCount(0);
});

test('popup reuses the id of a person sent before', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const first = await openPopupOnGmail(context, worker, extensionId);
  await first.field('External id').fill('C-10042');
  await first.send();
  await expect(first.page.getByText('Created in Thalamus as C-10042')).toBeVisible();
  await first.page.getByRole('button', { name: 'Capture another contact' }).click();

  await expect(first.field('External id')).toHaveValue('C-10042');
  await expect(first.page.getByText(/Already sent on .* as C-10042\. Sending again updates that record\./)).toBeVisible();
  await first.send();
  await expect(first.page.getByText('Updated in Thalamus: C-10042')).toBeVisible();
  expect(sandbox.contacts()).toHaveLength(1);
});
