import { browser } from 'wxt/browser';
import type { ResponseFor, RequestOf } from '../messages';
import { apiKeyItem, checkBaseUrl, loadSettings } from '../settings';
import { upsertContact } from '../thalamus/client';
import { ThalamusError } from '../thalamus/errors';

type SendResponse = ResponseFor<'send-contact'>;

/** Upserts one contact with the stored key and base URL, and reports the outcome as data. */
export async function sendContact(
  request: RequestOf<'send-contact'>,
  log: (line: string) => void = console.info,
): Promise<SendResponse> {
  const apiKey = await apiKeyItem.getValue();
  if (!apiKey) return { ok: false, error: { kind: 'no-key' } };

  const settings = await loadSettings();
  const baseUrl = checkBaseUrl(settings.baseUrl);
  if (!baseUrl.ok) return { ok: false, error: { kind: 'invalid-base-url' } };

  const origins = [`${baseUrl.origin}/*`];
  if (!(await browser.permissions.contains({ origins }))) {
    return { ok: false, error: { kind: 'no-host-permission' } };
  }

  try {
    const result = await upsertContact({ baseUrl: baseUrl.url, apiKey }, request.externalId, request.body);
    log(`Upserted contact ${request.externalId}: HTTP ${result.status}`);
    return { ok: true, status: result.status, record: result.record, message: result.message };
  } catch (error) {
    if (!(error instanceof ThalamusError)) throw error;
    log(`Upserting contact ${request.externalId} failed: ${error.message}`);
    return { ok: false, error: error.data };
  }
}
