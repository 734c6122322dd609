import { browser } from 'wxt/browser';

/** Manifest name of the shortcut that opens the toolbar popup, which the browser handles itself. */
export const OPEN_REVIEW_COMMAND = '_execute_action';

/** Manifest name of the shortcut that captures the selection and opens the review. */
export const CAPTURE_SELECTION_COMMAND = 'capture-selection';

export type ShortcutCommand = typeof OPEN_REVIEW_COMMAND | typeof CAPTURE_SELECTION_COMMAND;

export interface Shortcut {
  command: ShortcutCommand;
  /** Keys as the browser shows them, such as `Alt+Shift+K`, or undefined when none is assigned. */
  keys: string | undefined;
}

const SHORTCUT_COMMANDS: readonly ShortcutCommand[] = [OPEN_REVIEW_COMMAND, CAPTURE_SELECTION_COMMAND];

/**
 * Reads the keys currently assigned to this extension's shortcuts. The browser leaves a
 * suggested key unassigned when another extension already uses it, and the user can change or
 * clear any of them, so the manifest's suggestions are not a reliable source.
 */
export async function loadShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return SHORTCUT_COMMANDS.map((command) => ({
    command,
    keys: commands.find((entry) => entry.name === command)?.shortcut || undefined,
  }));
}

/**
 * Opens the browser's page for changing extension shortcuts: Firefox's "Manage Extension
 * Shortcuts" in about:addons, or chrome://extensions/shortcuts in Chromium. Firefox does not let
 * extensions open about:addons in a tab, so it offers `commands.openShortcutSettings()` instead.
 */
export async function openShortcutSettings(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    // Chromium's type definitions, which `browser` uses, do not list this Firefox-only method.
    const commands = browser.commands as typeof browser.commands & { openShortcutSettings(): Promise<void> };
    await commands.openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
