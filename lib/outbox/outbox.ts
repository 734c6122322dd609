import type { SendError } from '../messages';
import type { UpsertResult } from '../thalamus/client';
import { MAX_ATTEMPTS, retryDelayMs } from './backoff';
import { isTransient, type NewOutboxItem, type OutboxItem } from './item';

/** Result of one delivery attempt of an item: the contact upsert's result, or why it failed. */
export type AttemptResult = { ok: true; result: UpsertResult } | { ok: false; error: SendError };

export type SubmitOutcome =
  | { kind: 'delivered'; result: UpsertResult }
  /** Failed for a passing reason; the item waits in the outbox for `retryAt`. */
  | { kind: 'queued'; error: SendError; retryAt: number }
  /** Failed for a reason the user must fix; a popup item is removed, its draft is the copy. */
  | { kind: 'failed'; error: SendError };

/** A contact Thalamus confirmed, with its response. */
export interface Delivery {
  item: OutboxItem;
  result: UpsertResult;
}

export interface OutboxStorage {
  read(): Promise<OutboxItem[]>;
  write(items: OutboxItem[]): Promise<void>;
}

export interface OutboxDependencies {
  storage: OutboxStorage;
  /** Upserts the organization when the item has one, then the contact. */
  deliver: (item: OutboxItem, markOrganizationDelivered: () => Promise<void>) => Promise<AttemptResult>;
  /** Asks to be woken at this time (an alarm), even if the worker stops in between. */
  scheduleWake: (at: number) => void;
  onDelivered: (deliveries: Delivery[]) => Promise<void>;
  /** Reports an item that will not be retried without the user. */
  onFinalFailure: (item: OutboxItem) => Promise<void>;
  onChange: (items: OutboxItem[]) => void;
  log: (line: string) => void;
  now: () => number;
  random: () => number;
  newId: () => string;
}

/**
 * The durable queue every send goes through. An item is written to storage before the first
 * attempt and removed only after Thalamus confirmed it, so delivery is at least once. Because
 * upserts are idempotent by external id, a repeated delivery updates the same record.
 */
// While draining, confirmed items are removed from storage in batches of this size, because
// each write rewrites the whole outbox. A worker stopped mid-batch sends those items again,
// which updates the same records.
const REMOVAL_BATCH_SIZE = 25;

export class Outbox {
  private queue: Promise<unknown> = Promise.resolve();
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  /** After a passing failure, no item is tried before this time unless the user retries one. */
  private pausedUntil = 0;

  constructor(private readonly deps: OutboxDependencies) {}

  /**
   * Stores the item and makes one attempt right away. An item for a contact that is already
   * waiting replaces it, with the newer fields laid over the older ones.
   */
  async submit(newItem: NewOutboxItem): Promise<SubmitOutcome> {
    const item = await this.update((items) => {
      const now = this.deps.now();
      const waiting = items.find((existing) => existing.contact.externalId === newItem.contact.externalId);
      const stored: OutboxItem = {
        id: waiting?.id ?? this.deps.newId(),
        contact: {
          externalId: newItem.contact.externalId,
          body: { ...waiting?.contact.body, ...newItem.contact.body },
        },
        organization: newItem.organization,
        linkedin: newItem.linkedin,
        origin: newItem.origin,
        createdAt: waiting?.createdAt ?? now,
        attempts: 0,
        nextAttemptAt: now,
        state: 'pending',
      };
      return { items: [...items.filter((existing) => existing !== waiting), stored], value: stored };
    });

    const outcome = await this.attempt(item);
    if (outcome.kind === 'failed' && item.origin === 'popup') await this.discard(item.id);
    return outcome;
  }

  /** Delivers every item that is due, oldest first. Stops at the first passing failure. */
  drain(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = this.drainLoop().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  async list(): Promise<OutboxItem[]> {
    return this.deps.storage.read();
  }

  /** Makes a failed or waiting item due now and drains. */
  async retry(id: string): Promise<void> {
    this.pausedUntil = 0;
    await this.update((items) => ({
      items: items.map((item) =>
        item.id === id ? { ...item, state: 'pending' as const, attempts: 0, nextAttemptAt: this.deps.now() } : item,
      ),
      value: undefined,
    }));
    await this.drain();
  }

  async discard(id: string): Promise<void> {
    await this.update((items) => ({ items: items.filter((item) => item.id !== id), value: undefined }));
  }

  private async drainLoop(): Promise<void> {
    do {
      this.drainAgain = false;
      if (this.deps.now() < this.pausedUntil) break;

      const due = (await this.deps.storage.read())
        .filter((item) => item.state === 'pending' && item.nextAttemptAt <= this.deps.now())
        .sort((a, b) => a.createdAt - b.createdAt);
      const delivered: Delivery[] = [];

      for (const item of due) {
        const outcome = await this.attempt(item, delivered);
        if (delivered.length >= REMOVAL_BATCH_SIZE) await this.removeDelivered(delivered.splice(0));
        // A passing failure (server down, rate limit, offline) would hit the next items too,
        // so they all wait until the failed one is due again.
        if (outcome.kind === 'queued') {
          this.pausedUntil = outcome.retryAt;
          break;
        }
      }
      await this.removeDelivered(delivered);
    } while (this.drainAgain);
    await this.scheduleNextWake();
  }

  /**
   * Makes one attempt. A confirmed item is removed at once, or, when `batch` is given, added
   * to it for the caller to remove together with others.
   */
  private async attempt(item: OutboxItem, batch?: Delivery[]): Promise<SubmitOutcome> {
    let result: AttemptResult;
    try {
      result = await this.deps.deliver(item, () => this.markOrganizationDelivered(item.id));
    } catch (error) {
      this.deps.log(`Delivering contact ${item.contact.externalId} failed unexpectedly: ${String(error)}`);
      result = { ok: false, error: { kind: 'internal' } };
    }

    if (result.ok) {
      this.deps.log(`Delivered contact ${item.contact.externalId} (HTTP ${result.result.status})`);
      const delivery = { item, result: result.result };
      if (batch) batch.push(delivery);
      else await this.removeDelivered([delivery]);
      return { kind: 'delivered', result: result.result };
    }
    return this.recordFailure(item, result.error);
  }

  private async removeDelivered(deliveries: Delivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const ids = new Set(deliveries.map((delivery) => delivery.item.id));
    await this.update((items) => ({ items: items.filter((item) => !ids.has(item.id)), value: undefined }));
    await this.deps.onDelivered(deliveries);
  }

  private async recordFailure(item: OutboxItem, error: SendError): Promise<SubmitOutcome> {
    const now = this.deps.now();
    // Rate limiting is the server pacing us, not the contact failing, so it does not count.
    const attempts = error.kind === 'rate-limited' ? item.attempts : item.attempts + 1;
    const transient = isTransient(error) && attempts < MAX_ATTEMPTS;
    const retryAt = now + retryDelayMs(attempts, error.retryAfterSeconds, this.deps.random);

    const updated = await this.update((items) => {
      const current = items.find((candidate) => candidate.id === item.id);
      if (!current) return { items, value: undefined };
      const next: OutboxItem = {
        ...current,
        attempts,
        lastError: error,
        state: transient ? 'pending' : 'failed',
        nextAttemptAt: transient ? retryAt : current.nextAttemptAt,
        // Once queued, no popup waits for the item, so a final failure must be reported.
        origin: transient ? 'background' : current.origin,
      };
      return { items: items.map((candidate) => (candidate === current ? next : candidate)), value: next };
    });

    const status = error.status === undefined ? '' : ` HTTP ${error.status}`;
    if (transient) {
      this.deps.log(
        `Contact ${item.contact.externalId} failed (${error.kind}${status}), attempt ${attempts}; retrying at ${new Date(retryAt).toISOString()}`,
      );
      await this.scheduleNextWake();
      return { kind: 'queued', error, retryAt };
    }

    this.deps.log(`Contact ${item.contact.externalId} failed (${error.kind}${status}) and will not be retried automatically`);
    if (updated && updated.origin === 'background') await this.deps.onFinalFailure(updated);
    return { kind: 'failed', error };
  }

  private async markOrganizationDelivered(id: string): Promise<void> {
    await this.update((items) => ({
      items: items.map((item) =>
        item.id === id && item.organization ? { ...item, organization: { ...item.organization, delivered: true } } : item,
      ),
      value: undefined,
    }));
  }

  private async scheduleNextWake(): Promise<void> {
    const pending = (await this.deps.storage.read()).filter((item) => item.state === 'pending');
    if (pending.length === 0) return;
    const earliest = pending.reduce((min, item) => Math.min(min, item.nextAttemptAt), Infinity);
    this.deps.scheduleWake(Math.max(earliest, this.pausedUntil));
  }

  /** Runs read-modify-write steps on the stored items one at a time. */
  private update<T>(change: (items: OutboxItem[]) => { items: OutboxItem[]; value: T }): Promise<T> {
    const step = this.queue.then(async () => {
      const { items, value } = change(await this.deps.storage.read());
      await this.deps.storage.write(items);
      this.deps.onChange(items);
      return value;
    });
    this.queue = step.catch(() => undefined);
    return step;
  }
}
