import { clearApiKey, readKeyStatus, restrictKeyStorage, storeApiKey } from '@/lib/background/api-key';
import { handleCommand } from '@/lib/background/commands';
import { handleContextMenuClick, registerContextMenu } from '@/lib/background/context-menu';
import { createOutbox, OUTBOX_ALARM, sendFromPopup } from '@/lib/background/delivery';
import { createMessageListener } from '@/lib/messages';

export default defineBackground(() => {
  void restrictKeyStorage();
  const outbox = createOutbox();

  browser.runtime.onInstalled.addListener(() => void registerContextMenu());
  browser.runtime.onStartup.addListener(() => {
    void registerContextMenu();
    void outbox.drain();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outbox.drain();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    handleContextMenuClick(info, tab, outbox).catch((error: unknown) =>
      console.error('Handling the context menu click failed:', error),
    );
  });
  browser.commands.onCommand.addListener((command, tab) => {
    handleCommand(command, tab, outbox).catch((error: unknown) =>
      console.error(`Handling the ${command} shortcut failed:`, error),
    );
  });

  browser.runtime.onMessage.addListener(
    createMessageListener({
      'send-contact': (request) => sendFromPopup(outbox, request),
      'outbox-retry': async (request) => {
        await outbox.retry(request.id);
        return { ok: true };
      },
      'outbox-discard': async (request) => {
        await outbox.discard(request.id);
        return { ok: true };
      },
      'get-key-status': async () => ({ ok: true, status: await readKeyStatus() }),
      'set-api-key': async (request) => ({ ok: true, status: await storeApiKey(request.apiKey) }),
      'clear-api-key': async () => ({ ok: true, status: await clearApiKey() }),
    }),
  );

  // Contacts left waiting when the worker last stopped are due again.
  void outbox.drain();
});
