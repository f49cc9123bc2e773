import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { shortcutRows, type ShortcutRow } from '@/utils/settings/shortcuts';

/** The extension's shortcuts as the user has set them now (they change them in the browser). */
export function useShortcuts(): ShortcutRow[] {
  const [rows, setRows] = useState<ShortcutRow[]>([]);
  useEffect(() => {
    browser.commands.getAll().then((all) => setRows(shortcutRows(all)), () => undefined);
  }, []);
  return rows;
}
