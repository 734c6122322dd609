import { clickContextMenu, configureForSandbox, expect, PopupPage, SAMPLE_ADDRESSES, tabIdOf, test, waitForDraft } from './fixtures';

test('popup captures the Outlook sender in natural order', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.outlook);

  const popup = await PopupPage.open(context, extensionId, await tabIdOf(worker, mail.url()));

  await expect(popup.field('Name')).toHaveValue('Maarten De Vries');
  await expect(popup.field('Email')).toHaveValue('m.devries@hoogland-installatie.example');
  await popup.send();
  await expect(popup.page.getByText('Created in Thalamus')).toBeVisible();
  expect(sandbox.contacts()[0]).toMatchObject({ name: 'Maarten De Vries', email: 'm.devries@hoogland-installatie.example' });
});

test('popup captures a LinkedIn profile', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const profile = await context.newPage();
  await profile.goto(SAMPLE_ADDRESSES.linkedin);

  const popup = await PopupPage.open(context, extensionId, await tabIdOf(worker, profile.url()));

  await expect(popup.field('Name')).toHaveValue('Lotte van den Berg');
  await expect(popup.page.getByText('From the LinkedIn profile').first()).toBeVisible();
  await expect(popup.field('Comment')).toHaveValue(/LinkedIn: https:\/\/www\.linkedin\.com\/in\/lotte-van-den-berg-3b81a2150/);
  await popup.send();
  await expect(popup.page.getByText('Created in Thalamus')).toBeVisible();
  expect(sandbox.contacts()[0]?.name).toBe('Lotte van den Berg');
});

test('popup switches to another person in the thread', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);
  const popup = await PopupPage.open(context, extensionId, await tabIdOf(worker, mail.url()));
  await expect(popup.field('Name')).toHaveValue('Lotte van den Berg');
  const picker = popup.page.getByLabel('Contact to send (people found on this page)');
  const other = (await picker.locator('option').allTextContents())[1]!;

  await picker.selectOption({ label: other });

  await expect(popup.field('Name')).not.toHaveValue('Lotte van den Berg');
  const switchedEmail = await popup.field('Email').inputValue();
  expect(other).toContain(switchedEmail);
  await popup.send();
  await expect(popup.page.getByText('Created in Thalamus')).toBeVisible();
  expect(sandbox.contacts()[0]?.email).toBe(switchedEmail);
});

test('popup reads a selection the page does not hold', async ({ context, worker, extensionId, sandbox }) => {
  // Editors that draw text on a canvas, and the PDF viewer, keep the selection out of the DOM,
  // but the browser still passes its text with the menu click.
  await configureForSandbox(worker, sandbox);
  const url = `${sandbox.url}/canvas-editor.html`;
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Offerte</title><canvas width="600" height="400"></canvas>' }));
  const editor = await context.newPage();
  await editor.goto(url);
  const tabId = await tabIdOf(worker, url);

  await clickContextMenu(worker, tabId, { selectionText: 'Met vriendelijke groet,\n\nJan Jansen\njan@bouwbedrijfjansen.example\n+31 20 794 3150' });
  await waitForDraft(worker, url);
  const popup = await PopupPage.open(context, extensionId, tabId);

  await expect(popup.field('Name')).toHaveValue('Jan Jansen');
  await expect(popup.field('Email')).toHaveValue('jan@bouwbedrijfjansen.example');
  await expect(popup.field('Phone')).toHaveValue('+31207943150');
});
