/// <reference types="chrome" />
import { createHash } from 'node:crypto';
import { clickContextMenu, configureForSandbox, expect, waitForDraft, PopupPage, SAMPLE_ADDRESSES, SANDBOX_KEY, tabIdOf, test } from './fixtures';

const SENDER_EMAIL = 'lotte.vandenberg@kanaalzicht-architecten.example';

/** Computes the documented external id independently of the extension's code. */
function expectedExternalId(email: string, prefix = 'C-') {
  return prefix + createHash('sha256').update(`email:${email.toLowerCase()}`).digest('hex').slice(0, 16);
}

test('popup captures the Gmail sender and sends the edited contact', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);

  const popup = await PopupPage.open(context, extensionId, await tabIdOf(worker, mail.url()));

  await expect(popup.field('Email')).toHaveValue(SENDER_EMAIL);
  await expect(popup.field('Name')).toHaveValue('Lotte van den Berg');
  await expect(popup.field('Phone')).toHaveValue('+31207943150');
  await expect(popup.field('External id')).toHaveValue(expectedExternalId(SENDER_EMAIL));
  await popup.field('City').fill('Amsterdam-Centrum');
  await popup.send();

  await expect(popup.page.getByRole('status').filter({ hasText: 'Created in Thalamus' })).toBeVisible();
  const contacts = sandbox.contacts();
  expect(contacts).toHaveLength(1);
  expect(contacts[0]).toMatchObject({
    external_id: expectedExternalId(SENDER_EMAIL),
    email: SENDER_EMAIL,
    name: 'Lotte van den Berg',
    phone: '+31207943150',
    city: 'Amsterdam-Centrum',
    status: 'active',
  });
  const [request] = sandbox.requests();
  expect(request?.authorization).toBe("bearer");
  expect(request?.keyMatched).toBe(true);
});

test('sending the same person twice updates one record', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);
  const tabId = await tabIdOf(worker, mail.url());

  const first = await PopupPage.open(context, extensionId, tabId);
  await expect(first.field('Email')).toHaveValue(SENDER_EMAIL);
  await first.send();
  await expect(first.page.getByText('Created in Thalamus')).toBeVisible();
  await first.page.close();

  const second = await PopupPage.open(context, extensionId, tabId);
  await expect(second.field('Email')).toHaveValue(SENDER_EMAIL);
  await second.field('Phone').fill('+31 6 4217 8830');
  await second.send();

  await expect(second.page.getByText('Updated in Thalamus')).toBeVisible();
  expect(sandbox.contacts()).toHaveLength(1);
  expect(sandbox.contacts()[0]).toMatchObject({
    external_id: expectedExternalId(SENDER_EMAIL),
    phone: '+31642178830',
  });
});

test('wrong key shows a clear message and keeps the draft', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox, 'nerds_live_wrongwrongwrongwrongwrongwrong');
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);
  const tabId = await tabIdOf(worker, mail.url());

  const popup = await PopupPage.open(context, extensionId, tabId);
  await popup.field('Name').fill('Lotte van den Berg-Smit');
  await popup.send();

  await expect(popup.page.getByRole('alert')).toContainText('Thalamus rejected the API key');
  await expect(popup.page.getByRole('alert')).toContainText('Check the key in the options');
  expect(sandbox.contacts()).toHaveLength(0);
  await popup.page.close();

  const reopened = await PopupPage.open(context, extensionId, tabId);
  await expect(reopened.field('Name')).toHaveValue('Lotte van den Berg-Smit');
  await expect(reopened.page.getByText('Your unsent draft for this page was restored.')).toBeVisible();

  await configureForSandbox(worker, sandbox, SANDBOX_KEY);
  await reopened.send();
  await expect(reopened.page.getByText('Created in Thalamus')).toBeVisible();
  expect(sandbox.contacts()[0]?.name).toBe('Lotte van den Berg-Smit');
});

test('context menu on a selection leads to the review and a send', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/company.html`);
  await page.setContent(`<p id="sig">Met vriendelijke groet,<br>Pieter Jansen<br>Tel. +31 30 276 4411<br>pieter.jansen@voorbeeld-advies.example</p>`);
  await page.evaluate(() => {
    const selection = window.getSelection()!;
    selection.selectAllChildren(document.getElementById('sig')!);
  });
  const tabId = await tabIdOf(worker, page.url());

  await clickContextMenu(worker, tabId, { selectionText: 'ignored' });
  await waitForDraft(worker, page.url());

  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.field('Email')).toHaveValue('pieter.jansen@voorbeeld-advies.example');
  await expect(popup.field('Phone')).toHaveValue('+31302764411');
  await popup.send();

  await expect(popup.page.getByText('Created in Thalamus')).toBeVisible();
  expect(sandbox.contacts()).toHaveLength(1);
  expect(sandbox.contacts()[0]).toMatchObject({
    email: 'pieter.jansen@voorbeeld-advies.example',
    phone: '+31302764411',
  });
});

test('context menu on a mailto link captures its address', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/company.html`);
  const tabId = await tabIdOf(worker, page.url());

  await clickContextMenu(worker, tabId, { linkUrl: 'mailto:Noor%20Bakker%20%3Cnoor.bakker@voorbeeld-advies.example%3E?subject=Offerte' });
  await waitForDraft(worker, page.url());

  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.field('Email')).toHaveValue('noor.bakker@voorbeeld-advies.example');
  await expect(popup.field('Name')).toHaveValue('Noor Bakker');
  await expect(popup.page.getByText('From an email link').first()).toBeVisible();
});

test('context menu reads a selection inside a frame', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/samples/company.html`);
  const frameHtml = '<p id="sig">Groeten,<br>Femke Visser<br>Mobiel: 06 1234 5678<br>femke@visser-advies.example</p>';
  await page.setContent(`<h1>Webmail</h1><iframe srcdoc='${frameHtml}'></iframe>`);
  const frame = page.frameLocator('iframe');
  await frame.locator('#sig').waitFor();
  await page.frames()[1]!.evaluate(() => window.getSelection()!.selectAllChildren(document.getElementById('sig')!));
  const tabId = await tabIdOf(worker, page.url());

  const frames = await worker.evaluate(
    (tabId) => chrome.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => location.href }),
    tabId,
  );
  const frameId = frames.find((frame) => frame.result === 'about:srcdoc')!.frameId;

  await clickContextMenu(worker, tabId, {
    frameId,
    selectionText: 'Groeten, Femke Visser Mobiel: 06 1234 5678 femke@visser-advies.example',
  });
  await waitForDraft(worker, page.url());

  const popup = await PopupPage.open(context, extensionId, tabId);
  await expect(popup.field('Email')).toHaveValue('femke@visser-advies.example');
  await expect(popup.field('Phone')).toHaveValue('+31612345678');
});

test('reading the page again asks before discarding edits', async ({ context, worker, extensionId, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);
  const popup = await PopupPage.open(context, extensionId, await tabIdOf(worker, mail.url()));
  await expect(popup.field('Name')).toHaveValue('Lotte van den Berg');
  await popup.field('Comment').fill('Met haar besproken op de beurs.');

  await popup.page.getByRole('button', { name: 'Discard and read the page again' }).click();
  await expect(popup.page.getByText('Reading the page again replaces the fields you edited.')).toBeVisible();
  await popup.page.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(popup.field('Comment')).toHaveValue('Met haar besproken op de beurs.');

  await popup.page.getByRole('button', { name: 'Discard and read the page again' }).click();
  await popup.page.getByRole('button', { name: 'Yes, discard my edits' }).click();
  await expect(popup.field('Comment')).toHaveValue(/Job title: Projectleider renovatie/);
});
