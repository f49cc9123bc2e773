import { describe, expect, it } from 'vitest';
import { shortcutRows, type Command } from './shortcuts';

describe('shortcutRows', () => {
  it.each<[string, Command[], ReturnType<typeof shortcutRows>]>([
    [
      'Chrome, both set',
      [
        { name: 'call-selection', shortcut: 'Alt+Shift+G' },
        { name: '_execute_action', shortcut: 'Alt+Shift+K' },
      ],
      [
        { what: 'cmdOpenPopup', shortcut: 'Alt+Shift+K' },
        { what: 'cmdCallSelection', shortcut: 'Alt+Shift+G' },
      ],
    ],
    [
      'Firefox MV2 name, one removed by the user',
      [
        { name: '_execute_browser_action', shortcut: 'Alt+Shift+K' },
        { name: 'call-selection', shortcut: '' },
      ],
      [
        { what: 'cmdOpenPopup', shortcut: 'Alt+Shift+K' },
        { what: 'cmdCallSelection', shortcut: null },
      ],
    ],
    [
      'development build: WXT reload command left out',
      [
        { name: 'wxt:reload-extension', shortcut: 'Alt+R' },
        { name: 'call-selection' },
      ],
      [{ what: 'cmdCallSelection', shortcut: null }],
    ],
    ['none', [], []],
  ])('%s', (_, commands, rows) => {
    expect(shortcutRows(commands)).toEqual(rows);
  });
});
