import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/lib/i18n';
import {
  CAPTURE_SELECTION_COMMAND,
  loadShortcuts,
  OPEN_REVIEW_COMMAND,
  openShortcutSettings,
  type Shortcut,
  type ShortcutCommand,
} from '@/lib/shortcuts';
import { Notice } from './Notice';

const COMMAND_LABELS: Record<ShortcutCommand, MessageKey> = {
  [OPEN_REVIEW_COMMAND]: 'commandOpenReview',
  [CAPTURE_SELECTION_COMMAND]: 'commandCaptureSelection',
};

/** Lists the keyboard shortcuts with the keys the browser has assigned, and where to change them. */
export function ShortcutsSection() {
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const refresh = () => {
      loadShortcuts().then(
        (loaded) => {
          setShortcuts(loaded);
          setFailed(false);
        },
        (error: unknown) => {
          console.error('Reading the keyboard shortcuts failed:', error);
          setFailed(true);
        },
      );
    };
    refresh();
    // The user changes shortcuts on a browser page in another tab, then comes back to this one.
    const onVisibilityChange = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => document.removeEventListener('visibilitychange', onVisibilityChange);
  }, []);

  const openSettings = () => {
    openShortcutSettings().catch((error: unknown) => console.error('Opening the shortcut settings failed:', error));
  };

  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('optionsShortcuts')}</h2>
      {failed ? (
        <Notice tone="error">{t('optionsShortcutsFailed')}</Notice>
      ) : (
        <dl class="shortcuts">
          {shortcuts.map(({ command, keys }) => (
            <div key={command}>
              <dt>{t(COMMAND_LABELS[command])}</dt>
              <dd>{keys ? <kbd>{keys}</kbd> : t('optionsShortcutNotSet')}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="help">
        {t(import.meta.env.FIREFOX ? 'optionsShortcutsHelpFirefox' : 'optionsShortcutsHelpChromium')}
      </p>
      <div class="actions">
        <button type="button" onClick={openSettings}>
          {t('optionsChangeShortcuts')}
        </button>
      </div>
    </section>
  );
}
