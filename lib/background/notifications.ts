import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../i18n';

/** Shows a system notification with the extension's icon. */
export async function notify(title: MessageKey, message: string): Promise<void> {
  await browser.notifications.create({
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t(title),
    message,
  });
}
