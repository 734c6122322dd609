import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadShortcuts } from '@/lib/shortcuts';

function stubCommands(commands: Array<{ name: string; shortcut?: string; description?: string }>) {
  (fakeBrowser.commands as unknown as Record<string, unknown>).getAll = vi.fn(async () => commands);
}

describe('loadShortcuts', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('returns both shortcuts with their keys', async () => {
    stubCommands([
      { name: 'capture-selection', shortcut: 'Alt+Shift+J' },
      { name: '_execute_action', shortcut: 'Alt+Shift+K' },
    ]);

    expect(await loadShortcuts()).toEqual([
      { command: '_execute_action', keys: 'Alt+Shift+K' },
      { command: 'capture-selection', keys: 'Alt+Shift+J' },
    ]);
  });

  it('reports unassigned and missing shortcuts as undefined', async () => {
    // Chromium returns an empty string when another extension already uses the suggested key.
    stubCommands([{ name: '_execute_action', shortcut: '' }]);

    expect(await loadShortcuts()).toEqual([
      { command: '_execute_action', keys: undefined },
      { command: 'capture-selection', keys: undefined },
    ]);
  });

  it('leaves out commands it does not know', async () => {
    stubCommands([{ name: 'wxt:reload-extension', shortcut: 'Alt+R' }]);

    const commands = (await loadShortcuts()).map((shortcut) => shortcut.command);

    expect(commands).toEqual(['_execute_action', 'capture-selection']);
  });
});
