import { useEffect, useMemo, useState } from 'preact/hooks';
import { historyToCsv, historyToVCard } from '@/lib/export';
import { sendErrorText } from '@/lib/error-text';
import { formatDateTime } from '@/lib/format';
import { clearHistory, loadHistory, type HistoryEntry } from '@/lib/history';
import { t } from '@/lib/i18n';
import { sendRequest } from '@/lib/messages';
import { loadSettings } from '@/lib/settings';
import { Notice } from './Notice';

type Message = { tone: 'success' | 'error' | 'info'; text: string };

/** Renders the contacts Thalamus confirmed, newest first, with search, resend, export and clear. */
export function HistoryPage() {
  const [entries, setEntries] = useState<HistoryEntry[] | undefined>();
  const [query, setQuery] = useState('');
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();

  const reload = async () => {
    const settings = await loadSettings();
    setEntries(await loadHistory(settings.historyRetentionDays));
  };

  useEffect(() => {
    void reload();
  }, []);

  const shown = useMemo(() => filterEntries(entries ?? [], query), [entries, query]);

  const resend = async (entry: HistoryEntry) => {
    if (!entry.body) return;
    const response = await sendRequest({
      type: 'send-contact',
      externalId: entry.externalId,
      body: entry.body,
      organization: entry.organization,
      linkedin: entry.linkedin,
    });
    if (response.ok) setMessage({ tone: 'success', text: t('sendUpdated', entry.externalId) });
    else if (response.retryAt !== undefined) setMessage({ tone: 'info', text: t('historyResendQueued') });
    else setMessage({ tone: 'error', text: sendErrorText(response.error) });
    await reload();
  };

  const clear = async () => {
    await clearHistory();
    setConfirmingClear(false);
    setMessage({ tone: 'success', text: t('historyCleared') });
    await reload();
  };

  return (
    <main class="options history">
      <h1>{t('historyTitle')}</h1>
      <div class="field">
        <label for="history-search">{t('historySearch')}</label>
        <input id="history-search" type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
      </div>
      <div class="actions">
        <button type="button" disabled={!entries?.length} onClick={() => download('thalamus-contacts.csv', 'text/csv', historyToCsv(shown))}>
          {t('historyExportCsv')}
        </button>
        <button type="button" disabled={!entries?.length} onClick={() => download('thalamus-contacts.vcf', 'text/vcard', historyToVCard(shown))}>
          {t('historyExportVCard')}
        </button>
        {confirmingClear ? (
          <>
            <button type="button" class="primary" onClick={() => void clear()}>
              {t('historyConfirmClear')}
            </button>
            <button type="button" onClick={() => setConfirmingClear(false)}>
              {t('historyCancel')}
            </button>
          </>
        ) : (
          <button type="button" disabled={!entries?.length} onClick={() => setConfirmingClear(true)}>
            {t('historyClear')}
          </button>
        )}
      </div>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {entries && entries.length === 0 && <p>{t('historyEmpty')}</p>}
      {entries && entries.length > 0 && (
        <table class="history__table">
          <caption class="visually-hidden">{t('historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('historySentAt')}</th>
              <th scope="col">{t('fieldName')}</th>
              <th scope="col">{t('fieldExternalId')}</th>
              <th scope="col">{t('historyResult')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('historyActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr key={`${entry.externalId}-${entry.sentAt}`}>
                <td>{formatDateTime(entry.sentAt)}</td>
                <td>
                  {entry.name ?? ''}
                  {entry.email && <div class="help">{entry.email}</div>}
                </td>
                <td>{entry.externalId}</td>
                <td>{entry.status === 201 ? t('historyCreated') : t('historyUpdated')}</td>
                <td>
                  <button
                    type="button"
                    disabled={!entry.body}
                    aria-label={t('historyResendItem', entry.name ?? entry.email ?? entry.externalId)}
                    onClick={() => void resend(entry)}
                  >
                    {t('historyResend')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** Keeps the entries whose name or email contains every word of the query, ignoring case and accents. */
export function filterEntries(entries: HistoryEntry[], query: string): HistoryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = fold(`${entry.name ?? ''} ${entry.email ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

function download(fileName: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
