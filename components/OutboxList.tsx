import { useEffect, useState } from 'preact/hooks';
import { outboxItem } from '@/lib/outbox/storage';
import { outboxAdvice, sendErrorReason } from '@/lib/error-text';
import { formatCount, formatTimeOfDay, pluralRules } from '@/lib/format';
import { t } from '@/lib/i18n';
import { sendRequest } from '@/lib/messages';
import { itemLabel, type OutboxItem } from '@/lib/outbox/item';

/** Contacts waiting in the outbox, with why they wait and buttons to retry or discard each. */
export function OutboxList() {
  const [items, setItems] = useState<OutboxItem[]>([]);

  useEffect(() => {
    void outboxItem.getValue().then(setItems);
    return outboxItem.watch((next) => setItems(next ?? []));
  }, []);

  if (items.length === 0) return null;
  return (
    <section class="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outboxHeading')}</h2>
      <p>{pluralRules().select(items.length) === 'one' ? t('outboxCountOne') : t('outboxCount', formatCount(items.length))}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id} class={`outbox__item outbox__item--${item.state}`}>
            <strong>{itemLabel(item)}</strong> <span class="outbox__id">{item.contact.externalId}</span>
            {item.lastError && <p>{sendErrorReason(item.lastError)}</p>}
            <p class="help">
              {item.state === 'failed'
                ? `${t('outboxFailed')} ${item.lastError ? outboxAdvice(item.lastError) : ''}`
                : t('outboxNextAttempt', formatTimeOfDay(item.nextAttemptAt))}
            </p>
            <div class="actions">
              <button
                type="button"
                aria-label={t('outboxRetryItem', itemLabel(item))}
                onClick={() => void sendRequest({ type: 'outbox-retry', id: item.id })}
              >
                {t('outboxRetry')}
              </button>
              <button
                type="button"
                aria-label={t('outboxDiscardItem', itemLabel(item))}
                onClick={() => void sendRequest({ type: 'outbox-discard', id: item.id })}
              >
                {t('outboxDiscard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
