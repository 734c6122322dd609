import { readKeyStatus, restrictKeyStorage, clearApiKey, storeApiKey } from '@/lib/background/api-key';
import { handleContextMenuClick, registerContextMenu } from '@/lib/background/context-menu';
import { sendContact } from '@/lib/background/send-contact';
import { createMessageListener } from '@/lib/messages';

export default defineBackground(() => {
  void restrictKeyStorage();

  browser.runtime.onInstalled.addListener(() => void registerContextMenu());
  browser.runtime.onStartup.addListener(() => void registerContextMenu());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    handleContextMenuClick(info, tab).catch((error: unknown) =>
      console.error('Handling the context menu click failed:', error),
    );
  });

  browser.runtime.onMessage.addListener(
    createMessageListener({
      'send-contact': (request) => sendContact(request),
      'get-key-status': async () => ({ ok: true, status: await readKeyStatus() }),
      'set-api-key': async (request) => ({ ok: true, status: await storeApiKey(request.apiKey) }),
      'clear-api-key': async () => ({ ok: true, status: await clearApiKey() }),
    }),
  );
});
