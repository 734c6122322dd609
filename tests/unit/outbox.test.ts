import { describe, expect, it, vi } from 'vitest';
import { MAX_ATTEMPTS, retryDelayMs } from '@/lib/outbox/backoff';
import type { OutboxItem } from '@/lib/outbox/item';
import { Outbox, type AttemptResult, type OutboxDependencies } from '@/lib/outbox/outbox';
import type { SendError } from '@/lib/messages';

const RECORD = { status: 201, record: { external_id: 'C-1' } };

function setup(responses: Array<AttemptResult | ((item: OutboxItem) => AttemptResult)>) {
  let stored: OutboxItem[] = [];
  let clock = 1_000_000;
  let nextId = 0;
  const deliver = vi.fn(async (item: OutboxItem, markOrganizationDelivered: () => Promise<void>) => {
    const response = responses.shift() ?? { ok: true, result: RECORD };
    const result = typeof response === 'function' ? response(item) : response;
    if (result.ok && item.organization) await markOrganizationDelivered();
    return result;
  });
  const deps: OutboxDependencies = {
    storage: {
      read: async () => structuredClone(stored),
      write: async (items) => {
        stored = structuredClone(items);
      },
    },
    deliver,
    scheduleWake: vi.fn(),
    onDelivered: vi.fn(async () => {}),
    onFinalFailure: vi.fn(async () => {}),
    onChange: vi.fn(),
    log: () => {},
    now: () => clock,
    random: () => 0.5,
    newId: () => `item-${++nextId}`,
  };
  return {
    outbox: new Outbox(deps),
    deps,
    deliver,
    stored: () => stored,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const contact = (externalId = 'C-1', body: Record<string, string> = { name: 'Sanne' }) => ({
  contact: { externalId, body },
  origin: 'popup' as const,
});

const failure = (error: SendError): AttemptResult => ({ ok: false, error });

describe('Outbox.submit', () => {
  it('delivers and removes the item', async () => {
    const { outbox, deps, stored } = setup([]);

    const outcome = await outbox.submit(contact());

    expect(outcome).toEqual({ kind: 'delivered', result: RECORD });
    expect(stored()).toEqual([]);
    expect(deps.onDelivered).toHaveBeenCalledTimes(1);
  });

  it('stores the item before the first attempt', async () => {
    let seenDuringAttempt: OutboxItem[] = [];
    const harness = setup([]);
    harness.deliver.mockImplementationOnce(async () => {
      seenDuringAttempt = harness.stored();
      return { ok: true, result: RECORD };
    });

    await harness.outbox.submit(contact());

    expect(seenDuringAttempt).toHaveLength(1);
    expect(seenDuringAttempt[0]?.contact.externalId).toBe('C-1');
  });

  it('queues a passing failure with a retry time', async () => {
    const { outbox, stored, deps } = setup([failure({ kind: 'server', status: 503 })]);

    const outcome = await outbox.submit(contact());

    expect(outcome.kind).toBe('queued');
    expect(stored()).toHaveLength(1);
    expect(stored()[0]).toMatchObject({ state: 'pending', attempts: 1, origin: 'background' });
    expect(deps.scheduleWake).toHaveBeenCalledWith(stored()[0]!.nextAttemptAt);
  });

  it('drops a popup item that failed for a reason the user must fix', async () => {
    const { outbox, stored, deps } = setup([failure({ kind: 'rejected', status: 422 })]);

    const outcome = await outbox.submit(contact());

    expect(outcome).toEqual({ kind: 'failed', error: { kind: 'rejected', status: 422 } });
    expect(stored()).toEqual([]);
    expect(deps.onFinalFailure).not.toHaveBeenCalled();
  });

  it('keeps and reports a background item that failed finally', async () => {
    const { outbox, stored, deps } = setup([failure({ kind: 'unauthorized', status: 401 })]);

    await outbox.submit({ ...contact(), origin: 'background' });

    expect(stored()[0]).toMatchObject({ state: 'failed', lastError: { kind: 'unauthorized' } });
    expect(deps.onFinalFailure).toHaveBeenCalledTimes(1);
  });

  it('merges a second submit for the same contact into one item', async () => {
    const { outbox, stored } = setup([failure({ kind: 'network' }), failure({ kind: 'network' })]);

    await outbox.submit(contact('C-1', { name: 'Sanne', city: 'Utrecht' }));
    await outbox.submit(contact('C-1', { name: 'Sanne de Vries' }));

    expect(stored()).toHaveLength(1);
    expect(stored()[0]?.contact.body).toEqual({ name: 'Sanne de Vries', city: 'Utrecht' });
  });
});

describe('Outbox.drain', () => {
  it('delivers due items after the fault clears, oldest first', async () => {
    const harness = setup([failure({ kind: 'network' }), failure({ kind: 'network' })]);
    await harness.outbox.submit(contact('C-1'));
    harness.advance(1);
    await harness.outbox.submit(contact('C-2'));
    harness.advance(60_000);

    await harness.outbox.drain();

    expect(harness.stored()).toEqual([]);
    const delivered = harness.deliver.mock.calls.slice(2).map(([item]) => item.contact.externalId);
    expect(delivered).toEqual(['C-1', 'C-2']);
  });

  it('waits for items that are not due yet', async () => {
    const harness = setup([failure({ kind: 'network' })]);
    await harness.outbox.submit(contact());

    await harness.outbox.drain();

    expect(harness.deliver).toHaveBeenCalledTimes(1);
    expect(harness.stored()).toHaveLength(1);
  });

  it('stops a round at a passing failure', async () => {
    const harness = setup([failure({ kind: 'network' }), failure({ kind: 'network' }), failure({ kind: 'server', status: 502 })]);
    await harness.outbox.submit(contact('C-1'));
    await harness.outbox.submit(contact('C-2'));
    harness.advance(60_000);

    await harness.outbox.drain();

    expect(harness.deliver).toHaveBeenCalledTimes(3);
    expect(harness.stored()).toHaveLength(2);
  });

  it('pauses every item after a passing failure until the retry time', async () => {
    const harness = setup([failure({ kind: 'network' }), failure({ kind: 'network' }), failure({ kind: 'server', status: 503 })]);
    await harness.outbox.submit(contact('C-1'));
    await harness.outbox.submit(contact('C-2'));
    harness.advance(60_000);
    await harness.outbox.drain();
    const retryAt = Math.max(...harness.stored().map((item) => item.nextAttemptAt));

    await harness.outbox.drain();

    expect(harness.deliver).toHaveBeenCalledTimes(3);
    expect(harness.deps.scheduleWake).toHaveBeenLastCalledWith(retryAt);
  });

  it('lifts the pause when the user retries', async () => {
    const harness = setup([failure({ kind: 'network' }), failure({ kind: 'server', status: 503 })]);
    await harness.outbox.submit(contact('C-1'));
    harness.advance(60_000);
    await harness.outbox.drain();

    await harness.outbox.retry(harness.stored()[0]!.id);

    expect(harness.stored()).toEqual([]);
  });

  it('removes confirmed items in batches and reports each', async () => {
    const harness = setup(Array.from({ length: 30 }, () => failure({ kind: 'network' })));
    for (let index = 0; index < 30; index++) await harness.outbox.submit({ ...contact(`C-${index}`), origin: 'background' });
    harness.advance(60 * 60_000);

    await harness.outbox.drain();

    expect(harness.stored()).toEqual([]);
    const batches = vi.mocked(harness.deps.onDelivered).mock.calls.map(([deliveries]) => deliveries.length);
    expect(batches).toEqual([25, 5]);
  });

  it('honours Retry-After without counting it as an attempt', async () => {
    const harness = setup([failure({ kind: 'rate-limited', status: 429, retryAfterSeconds: 30 })]);

    const outcome = await harness.outbox.submit(contact());

    expect(outcome.kind).toBe('queued');
    expect(harness.stored()[0]?.attempts).toBe(0);
    expect(harness.stored()[0]?.nextAttemptAt).toBe(1_000_000 + 30_000 + 500);
  });

  it('gives up after the maximum attempts and reports it', async () => {
    const harness = setup(Array.from({ length: MAX_ATTEMPTS }, () => failure({ kind: 'timeout' })));
    await harness.outbox.submit(contact());

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      harness.advance(60 * 60_000);
      await harness.outbox.drain();
    }

    expect(harness.stored()[0]).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
    expect(harness.deps.onFinalFailure).toHaveBeenCalledTimes(1);
  });

  it('sends the organization only once across retries', async () => {
    const organizationSends: string[] = [];
    const harness = setup([
      (item) => {
        organizationSends.push(item.organization?.delivered ? 'skipped' : 'sent');
        return failure({ kind: 'network' });
      },
      (item) => {
        organizationSends.push(item.organization?.delivered ? 'skipped' : 'sent');
        return { ok: true, result: RECORD };
      },
    ]);
    harness.deliver.mockImplementationOnce(async (item, markOrganizationDelivered) => {
      organizationSends.push('sent');
      await markOrganizationDelivered();
      return failure({ kind: 'network' });
    });
    await harness.outbox.submit({
      ...contact(),
      organization: { externalId: 'O-1', body: { name: 'Brouwerveld B.V.' } },
    });
    harness.advance(60_000);

    await harness.outbox.drain();

    expect(organizationSends).toEqual(['sent', 'skipped']);
  });
});

describe('Outbox.retry and discard', () => {
  it('retries a failed item on request', async () => {
    const harness = setup([failure({ kind: 'unauthorized', status: 401 })]);
    await harness.outbox.submit({ ...contact(), origin: 'background' });

    await harness.outbox.retry(harness.stored()[0]!.id);

    expect(harness.stored()).toEqual([]);
  });

  it('discards an item', async () => {
    const harness = setup([failure({ kind: 'network' })]);
    await harness.outbox.submit(contact());

    await harness.outbox.discard(harness.stored()[0]!.id);

    expect(harness.stored()).toEqual([]);
  });
});

describe('retryDelayMs', () => {
  it('doubles with each attempt within the jitter range', () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(2_500);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(5_000);
    expect(retryDelayMs(3, undefined, () => 0)).toBe(10_000);
  });

  it('is capped at thirty minutes', () => {
    expect(retryDelayMs(40, undefined, () => 1)).toBe(30 * 60_000);
  });

  it('follows Retry-After', () => {
    expect(retryDelayMs(5, 120, () => 0)).toBe(120_000);
  });
});
