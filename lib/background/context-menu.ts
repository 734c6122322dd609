import { browser, type Browser } from 'wxt/browser';
import type { Capture } from '../capture';
import { captureTab } from '../capture-tab';
import { checkForm, keepE164, type SendRequest } from '../contact-form';
import { createDraft, MAX_UNREAD_SELECTION_LENGTH, saveDraft } from '../draft';
import { loadHistory, withoutKnownOrganization } from '../history';
import { t } from '../i18n';
import type { Outbox } from '../outbox/outbox';
import { notify } from './notifications';
import { loadSettings } from '../settings';
import { commentLabels } from '../comment-labels';

export const MENU_ITEM_ID = 'send-to-thalamus';

const POPUP_WINDOW_SIZE = { width: 440, height: 720 };

/** Creates the "Send to Thalamus" item for pages, selections and `mailto:` links. */
export async function registerContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ITEM_ID,
    title: t('contextMenuTitle'),
    contexts: ['page', 'selection', 'link'],
    targetUrlPatterns: ['mailto:*'],
  });
}

/**
 * Captures the tab the menu was used on and stores the draft under the page's URL. Then it
 * opens the review popup, or, when the user turned review off, sends the contact through the
 * outbox and reports the outcome in a notification.
 */
export async function handleContextMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  outbox: Outbox,
  log: (line: string) => void = console.warn,
): Promise<void> {
  if (info.menuItemId !== MENU_ITEM_ID || tab?.id === undefined || !tab.url) return;

  const { capture, unreadSelection } = await captureForMenu(info, tab.id, tab.url, log);
  await reviewOrSendCapture({ id: tab.id, url: tab.url, title: tab.title }, capture, outbox, log, unreadSelection);
}

/**
 * Stores the capture as the draft for the tab's page and opens the review popup on it. When the
 * user turned review off, it sends the contact through the outbox instead and reports the
 * outcome in a notification. A selection the capture could not read always goes to the review,
 * where the popup reads it.
 */
export async function reviewOrSendCapture(
  tab: { id: number; url: string; title?: string },
  capture: Capture,
  outbox: Outbox,
  log: (line: string) => void,
  unreadSelection?: string,
): Promise<void> {
  const settings = await loadSettings();
  const draft = await createDraft(
    { ...capture, url: tab.url, title: tab.title ?? capture.title },
    settings,
    commentLabels(),
  );
  if (unreadSelection) draft.unreadSelection = unreadSelection;

  if (!settings.reviewBeforeSending && !unreadSelection) {
    // The capture script already wrote phone numbers in E.164, so the worker needs no
    // numbering plans to check them.
    const check = checkForm(draft.values, {
      defaultCountry: settings.defaultCountry,
      derivedOrganizationId: draft.derivedOrganizationId,
      normalisePhone: keepE164,
    });
    if (check.request) {
      const history = await loadHistory(settings.historyRetentionDays);
      await sendWithoutReview(outbox, withoutKnownOrganization(check.request, history), draft.capture.fields.linkedin?.value);
      return;
    }
    await notify('notificationNothingFoundTitle', t('notificationNothingFoundMessage'));
  }
  await saveDraft(draft);
  await openReview(tab.id, log);
}

async function sendWithoutReview(outbox: Outbox, request: SendRequest, linkedin: string | undefined) {
  const outcome = await outbox.submit({
    contact: { externalId: request.externalId, body: request.body },
    organization: request.organization,
    linkedin,
    origin: 'background',
  });
  const label = request.body.name ?? request.body.email ?? request.externalId;
  // A final failure is reported by the outbox itself.
  if (outcome.kind === 'delivered') {
    await notify('notificationSentTitle', t('notificationSentMessage', [label, outcome.result.record.external_id]));
  } else if (outcome.kind === 'queued') {
    await notify('notificationQueuedTitle', t('notificationQueuedMessage', label));
  }
}

async function captureForMenu(
  info: Browser.contextMenus.OnClickData,
  tabId: number,
  pageUrl: string,
  log: (line: string) => void,
): Promise<{ capture: Capture; unreadSelection?: string }> {
  const linkUrl = info.linkUrl?.toLowerCase().startsWith('mailto:') ? info.linkUrl : undefined;
  const { defaultCountry } = await loadSettings();
  const outcome = await captureTab(tabId, { linkUrl, frameId: info.frameId, defaultCountry });
  if (!outcome.ok) log(`Capturing tab ${tabId} failed (${outcome.reason}): ${outcome.detail}`);

  // The click carries the selected text (`selectionText`) also where no script may run or where
  // the DOM contains no selection, as in editors that draw text on a canvas. When the capture read
  // no selection, and no address from a right-clicked link, the popup reads that text instead.
  // NOTE: the browser's PDF viewer is expected to work the same way, but no test covers it.
  const selection = (info.selectionText ?? '').trim().slice(0, MAX_UNREAD_SELECTION_LENGTH);
  const capture = outcome.ok ? outcome.capture : { url: pageUrl, fields: {} };
  const fromSelection = Object.values(capture.fields).some((field) => field?.provenance.source === 'selection');
  const fromLink = linkUrl !== undefined && Object.keys(capture.fields).length > 0;
  if (!selection || fromSelection || fromLink) return { capture };
  return { capture, unreadSelection: selection };
}

/**
 * Opens the toolbar popup, or a small popup window where the browser cannot open it.
 * NOTE: MDN documents that Firefox allows `action.openPopup` only while a user action is being
 * handled. Whether Firefox still allows it after the awaits before this call is untested. If it
 * rejects the call, the popup window opens instead.
 */
export async function openReview(tabId: number, log: (line: string) => void): Promise<void> {
  try {
    await browser.action.openPopup();
    return;
  } catch (error) {
    log(`action.openPopup failed, opening a popup window instead: ${String(error)}`);
  }
  await browser.windows.create({
    url: `${browser.runtime.getURL('/popup.html')}?tabId=${tabId}`,
    type: 'popup',
    ...POPUP_WINDOW_SIZE,
  });
}
