/// <reference types="chrome" />
import { createServer } from 'node:net';
import type { FaultRule } from '../../scripts/sandbox/server';
import {
  changeSettings,
  clickContextMenu,
  configureForSandbox,
  expect,
  GMAIL_SENDER_EMAIL,
  openPopupOnGmail,
  readOutbox,
  SAMPLE_ADDRESSES,
  tabIdOf,
  PopupPage,
  test,
} from './fixtures';

interface FaultCase {
  name: string;
  /** The sandbox fault, or `refused` for a base URL where nothing listens. */
  fault: FaultRule | 'refused';
  /** Whether the outbox retries it by itself. */
  transient: boolean;
  /** Message shown to the user. */
  message: RegExp;
}

const FAULTS: FaultCase[] = [
  { name: 'HTTP 500', fault: { kind: 'status', status: 500 }, transient: true, message: /server error \(HTTP 500\)/ },
  { name: 'HTTP 502', fault: { kind: 'status', status: 502 }, transient: true, message: /server error \(HTTP 502\)/ },
  { name: 'HTTP 503', fault: { kind: 'status', status: 503 }, transient: true, message: /server error \(HTTP 503\)/ },
  { name: 'HTTP 429 with Retry-After', fault: { kind: 'status', status: 429, retryAfter: 1 }, transient: true, message: /too many requests/ },
  { name: 'timeout', fault: { kind: 'delay', ms: 2_500 }, transient: true, message: /did not respond in time/ },
  { name: 'refused connection', fault: 'refused', transient: true, message: /could not be reached/ },
  { name: 'HTML error page', fault: { kind: 'html' }, transient: true, message: /server error \(HTTP 502\)/ },
  { name: 'body that is not JSON', fault: { kind: 'not-json' }, transient: true, message: /not like the Thalamus API/ },
  { name: 'success false', fault: { kind: 'success-false', message: 'Quota exceeded' }, transient: false, message: /did not accept the contact/ },
  { name: 'HTTP 401', fault: { kind: 'status', status: 401 }, transient: false, message: /rejected the API key \(HTTP 401\)/ },
  { name: 'HTTP 403', fault: { kind: 'status', status: 403 }, transient: false, message: /rejected the API key \(HTTP 403\)/ },
  { name: 'HTTP 404', fault: { kind: 'status', status: 404 }, transient: false, message: /not found at the configured base URL/ },
  { name: 'HTTP 422', fault: { kind: 'status', status: 422 }, transient: false, message: /rejected the contact \(HTTP 422\)/ },
];

/** Returns a loopback port where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No port was assigned');
  return address.port;
}

test.beforeEach(async ({ worker, sandbox }) => {
  await configureForSandbox(worker, sandbox);
  // Short enough that the timeout cases run quickly, longer than any normal sandbox response.
  await changeSettings(worker, { requestTimeoutSeconds: 1 });
});

/** Starts the fault and returns the function that clears it. */
async function startFault(fault: FaultCase['fault'], worker: Parameters<typeof changeSettings>[0], sandbox: { apiBaseUrl: string; setFaults: (rules: FaultRule[]) => void; clearFaults: () => void }) {
  if (fault === 'refused') {
    await changeSettings(worker, { baseUrl: `http://127.0.0.1:${await closedPort()}/api/v1` });
    return () => changeSettings(worker, { baseUrl: sandbox.apiBaseUrl });
  }
  sandbox.setFaults([fault]);
  return async () => sandbox.clearFaults();
}

for (const fault of FAULTS) {
  test(`popup send survives ${fault.name}`, async ({ context, worker, extensionId, sandbox }) => {
    const popup = await openPopupOnGmail(context, worker, extensionId);
    const expectedId = await popup.field('External id').inputValue();
    const clearFault = await startFault(fault.fault, worker, sandbox);

    await popup.send();

    if (fault.transient) {
      await expect(popup.page.getByText('The contact is saved in the outbox')).toBeVisible();
      await expect(popup.page.locator('.sent')).toContainText(fault.message);
      await expect(popup.page.locator('.outbox')).toContainText('Lotte van den Berg');
    } else {
      await expect(popup.page.getByRole('alert')).toContainText(fault.message);
      await expect(popup.field('Email')).toHaveValue(GMAIL_SENDER_EMAIL);
    }

    await clearFault();
    if (fault.transient) {
      await popup.page.getByRole('button', { name: 'Retry now: Lotte van den Berg' }).click();
      await expect(popup.page.locator('.outbox')).toHaveCount(0);
    } else {
      await popup.send();
      await expect(popup.page.getByText(/(Created|Updated) in Thalamus/)).toBeVisible();
    }
    expect(await readOutbox(worker)).toEqual([]);
    const contacts = sandbox.contacts();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.external_id).toBe(expectedId);
    expect(contacts[0]?.email).toBe(GMAIL_SENDER_EMAIL);
  });

  test(`queued retry survives ${fault.name}`, async ({ context, worker, extensionId, sandbox }) => {
    const popup = await openPopupOnGmail(context, worker, extensionId);
    sandbox.setFaults([{ kind: 'status', status: 503 }]);
    await popup.send();
    await expect(popup.page.locator('.outbox')).toContainText('Lotte van den Berg');
    sandbox.clearFaults();
    const clearFault = await startFault(fault.fault, worker, sandbox);

    await popup.page.getByRole('button', { name: 'Retry now: Lotte van den Berg' }).click();

    await expect(popup.page.locator('.outbox')).toContainText(fault.message);
    const [waiting] = await readOutbox(worker);
    expect(waiting?.state).toBe(fault.transient ? 'pending' : 'failed');
    if (!fault.transient) {
      await expect(popup.page.locator('.outbox')).toContainText('Not retried automatically');
      await expect.poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).length).toBe(1);
    }

    await clearFault();
    await popup.page.getByRole('button', { name: 'Retry now: Lotte van den Berg' }).click();
    await expect(popup.page.locator('.outbox')).toHaveCount(0);
    expect(sandbox.contacts()).toHaveLength(1);
    expect(sandbox.contacts()[0]?.email).toBe(GMAIL_SENDER_EMAIL);
  });
}

for (const fault of FAULTS) {
  test(`context menu send survives ${fault.name}`, async ({ context, worker, extensionId, sandbox }) => {
    await changeSettings(worker, { reviewBeforeSending: false });
    const mail = await context.newPage();
    await mail.goto(SAMPLE_ADDRESSES.gmail);
    const tabId = await tabIdOf(worker, mail.url());
    const clearFault = await startFault(fault.fault, worker, sandbox);

    await clickContextMenu(worker, tabId);

    await expect.poll(async () => (await readOutbox(worker))[0]?.state).toBe(fault.transient ? 'pending' : 'failed');
    expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
    await expect.poll(async () => Object.keys(await worker.evaluate(() => chrome.notifications.getAll())).length).toBe(1);

    await clearFault();
    const popup = await PopupPage.open(context, extensionId, tabId);
    await expect(popup.page.locator('.outbox')).toContainText(fault.message);
    await popup.page.getByRole('button', { name: 'Retry now: Lotte van den Berg' }).click();
    await expect(popup.page.locator('.outbox')).toHaveCount(0);
    expect(sandbox.contacts()).toHaveLength(1);
    expect(sandbox.contacts()[0]?.email).toBe(GMAIL_SENDER_EMAIL);
  });
}

test('context menu without review sends at once', async ({ context, worker, sandbox }) => {
  await changeSettings(worker, { reviewBeforeSending: false });
  const mail = await context.newPage();
  await mail.goto(SAMPLE_ADDRESSES.gmail);

  await clickContextMenu(worker, await tabIdOf(worker, mail.url()));

  await expect.poll(() => sandbox.contacts().length).toBe(1);
  expect(sandbox.contacts()[0]).toMatchObject({ email: GMAIL_SENDER_EMAIL, name: 'Lotte van den Berg' });
  expect(sandbox.organizations()).toHaveLength(1);
  expect(sandbox.organizations()[0]?.name).toBe('Kanaalzicht Architecten B.V.');
  expect(sandbox.contacts()[0]?.external_organization_id).toBe(sandbox.organizations()[0]?.external_id);
});

test('queued contact is retried without the user', async ({ context, worker, extensionId, sandbox }) => {
  const popup = await openPopupOnGmail(context, worker, extensionId);
  sandbox.setFaults([{ kind: 'status', status: 503, count: 1 }]);

  await popup.send();
  await expect(popup.page.getByText('The contact is saved in the outbox')).toBeVisible();

  // The first retry comes 2.5 to 5 seconds after the failure.
  await expect(popup.page.locator('.outbox')).toHaveCount(0, { timeout: 15_000 });
  expect(sandbox.contacts()).toHaveLength(1);
  expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});
