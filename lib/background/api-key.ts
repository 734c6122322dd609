import { browser } from 'wxt/browser';
import type { KeyStatus } from '../messages';
import { apiKeyItem, cleanApiKey } from '../settings';

/**
 * Restricts `storage.local`, where the API key lives, to the extension's own pages and worker,
 * so that an injected content script cannot read it. Chromium 156 supports this for `local`.
 * Where the call is missing or rejected (Firefox), content scripts keep read access, so the
 * key's safety rests on this extension never injecting code that reads it.
 */
export async function restrictKeyStorage(log: (line: string) => void = console.warn): Promise<void> {
  const local = browser.storage.local as typeof browser.storage.local & {
    setAccessLevel?: (options: { accessLevel: string }) => Promise<void>;
  };
  if (typeof local.setAccessLevel !== 'function') {
    log('storage.local.setAccessLevel is not available; content scripts can read extension storage.');
    return;
  }
  try {
    await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    log(`Restricting storage.local to trusted contexts failed: ${String(error)}`);
  }
}

export async function readKeyStatus(): Promise<KeyStatus> {
  const key = await apiKeyItem.getValue();
  return key ? { hasKey: true, hint: key.slice(-4) } : { hasKey: false };
}

/** Stores the key as pasted, minus what `cleanApiKey` removes. */
export async function storeApiKey(input: string): Promise<KeyStatus> {
  const key = cleanApiKey(input);
  await apiKeyItem.setValue(key);
  return readKeyStatus();
}

export async function clearApiKey(): Promise<KeyStatus> {
  await apiKeyItem.removeValue();
  return readKeyStatus();
}
