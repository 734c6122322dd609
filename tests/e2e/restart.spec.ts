import { test as base } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionWorker, launchWithExtension, serveSamplesAtRealHosts } from '../../scripts/chromium';
import { startSandbox } from '../../scripts/sandbox/server';
import { configureForSandbox, expect, GMAIL_SENDER_EMAIL, openPopupOnGmail, readOutbox, SANDBOX_KEY } from './fixtures';

base('queued contact is delivered after a browser restart', async () => {
  const sandbox = await startSandbox({ port: 0, apiKey: SANDBOX_KEY, log: () => {} });
  const userDataDir = await mkdtemp(join(tmpdir(), 'thalamus-restart-'));
  try {
    const first = await launchWithExtension({ userDataDir });
    await serveSamplesAtRealHosts(first, sandbox.url);
    const firstWorker = await extensionWorker(first);
    await configureForSandbox(firstWorker, sandbox);
    const popup = await openPopupOnGmail(first, firstWorker, new URL(firstWorker.url()).host);
    sandbox.setFaults([{ kind: 'status', status: 503 }]);
    await popup.send();
    await expect(popup.page.getByText('The contact is saved in the outbox')).toBeVisible();
    expect(await readOutbox(firstWorker)).toHaveLength(1);
    await first.close();

    sandbox.clearFaults();
    const second = await launchWithExtension({ userDataDir });
    try {
      const secondWorker = await extensionWorker(second);

      await expect.poll(() => sandbox.contacts().length, { timeout: 20_000 }).toBe(1);
      expect(sandbox.contacts()[0]?.email).toBe(GMAIL_SENDER_EMAIL);
      await expect.poll(async () => (await readOutbox(secondWorker)).length).toBe(0);
    } finally {
      await second.close();
    }
  } finally {
    await sandbox.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
});
