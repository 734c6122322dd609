import { storage } from 'wxt/utils/storage';
import type { OutboxItem } from './item';

/** Contacts waiting for delivery. Extension pages read it to show the outbox; only the worker writes. */
export const outboxItem = storage.defineItem<OutboxItem[]>('local:outbox', { fallback: [] });
