import { browser } from 'wxt/browser';
import { recordInHistory, type HistoryEntry } from '../history';
import { t } from '../i18n';
import { notify } from './notifications';
import type { RequestOf, ResponseFor, SendError } from '../messages';
import { itemLabel, outboxItemSchema, type OutboxItem } from '../outbox/item';
import { Outbox, type AttemptResult, type Delivery } from '../outbox/outbox';
import { outboxItem } from '../outbox/storage';
import { apiKeyItem, checkBaseUrl, loadSettings } from '../settings';
import { upsertContact, upsertOrganization, type ThalamusConfig } from '../thalamus/client';
import { ThalamusError } from '../thalamus/errors';

export const OUTBOX_ALARM = 'outbox-retry';

// A timer wakes the worker for retries within this window while it runs; the alarm covers the
// case where the browser stops the worker first.
const TIMER_WINDOW_MS = 5 * 60_000;

/** Builds the worker's outbox, wired to storage, the Thalamus client, alarms and the badge. */
export function createOutbox(log: (line: string) => void = console.info): Outbox {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outbox: Outbox = new Outbox({
    storage: {
      read: async () => parseItems(await outboxItem.getValue(), log),
      write: (items) => outboxItem.setValue(items),
    },
    deliver: (item, markOrganizationDelivered) => deliver(item, markOrganizationDelivered),
    scheduleWake: (at) => {
      void browser.alarms.create(OUTBOX_ALARM, { when: at });
      clearTimeout(timer);
      const delay = at - Date.now();
      if (delay < TIMER_WINDOW_MS) timer = setTimeout(() => void outbox.drain(), Math.max(0, delay));
    },
    onDelivered: async (deliveries) => {
      const settings = await loadSettings();
      await recordInHistory(deliveries.map(historyEntryOf), settings.historyRetentionDays);
    },
    onFinalFailure: (item) => notifyFailure(item),
    onChange: (items) => void showCount(items.length),
    log,
    now: () => Date.now(),
    random: () => Math.random(),
    newId: () => crypto.randomUUID(),
  });
  return outbox;
}

function historyEntryOf({ item, result }: Delivery): HistoryEntry {
  return {
    externalId: item.contact.externalId,
    name: item.contact.body.name,
    email: item.contact.body.email,
    phone: item.contact.body.phone,
    linkedin: item.linkedin,
    organizationExternalId: item.contact.body.external_organization_id,
    sentAt: Date.now(),
    status: result.status,
    message: result.message,
    body: item.contact.body,
    organization: item.organization && { externalId: item.organization.externalId, body: item.organization.body },
  };
}

/** Sends a contact from the review popup through the outbox and waits for the first attempt. */
export async function sendFromPopup(outbox: Outbox, request: RequestOf<'send-contact'>): Promise<ResponseFor<'send-contact'>> {
  const outcome = await outbox.submit({
    contact: { externalId: request.externalId, body: request.body },
    organization: request.organization,
    linkedin: request.linkedin,
    origin: 'popup',
  });
  switch (outcome.kind) {
    case 'delivered':
      return { ok: true, status: outcome.result.status, record: outcome.result.record, message: outcome.result.message };
    case 'queued':
      return { ok: false, error: outcome.error, retryAt: outcome.retryAt };
    case 'failed':
      return { ok: false, error: outcome.error };
  }
}

async function deliver(item: OutboxItem, markOrganizationDelivered: () => Promise<void>): Promise<AttemptResult> {
  const connection = await resolveConnection();
  if (!connection.ok) return connection;

  try {
    if (item.organization && !item.organization.delivered) {
      await upsertOrganization(connection.config, item.organization.externalId, item.organization.body);
      await markOrganizationDelivered();
    }
    return { ok: true, result: await upsertContact(connection.config, item.contact.externalId, item.contact.body) };
  } catch (error) {
    if (error instanceof ThalamusError) return { ok: false, error: error.data };
    throw error;
  }
}

type Connection = { ok: true; config: ThalamusConfig } | { ok: false; error: SendError };

/** Reads the key and base URL and checks that the extension may contact that origin. */
export async function resolveConnection(): Promise<Connection> {
  const apiKey = await apiKeyItem.getValue();
  if (!apiKey) return { ok: false, error: { kind: 'no-key' } };

  const settings = await loadSettings();
  const baseUrl = checkBaseUrl(settings.baseUrl);
  if (!baseUrl.ok) return { ok: false, error: { kind: 'invalid-base-url' } };

  if (!(await browser.permissions.contains({ origins: [`${baseUrl.origin}/*`] }))) {
    return { ok: false, error: { kind: 'no-host-permission' } };
  }
  return { ok: true, config: { baseUrl: baseUrl.url, apiKey, timeoutMs: settings.requestTimeoutSeconds * 1000 } };
}

function parseItems(value: unknown, log: (line: string) => void): OutboxItem[] {
  if (!Array.isArray(value)) return [];
  const items: OutboxItem[] = [];
  for (const candidate of value) {
    const parsed = outboxItemSchema.safeParse(candidate);
    if (parsed.success) items.push(parsed.data);
    else log('Skipped an outbox item that does not match the current format');
  }
  return items;
}

async function showCount(count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
}

async function notifyFailure(item: OutboxItem): Promise<void> {
  await notify('notificationFailedTitle', t('notificationFailedMessage', itemLabel(item)));
}
