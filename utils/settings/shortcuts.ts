import type { MessageKey } from '../i18n';

/** A manifest command as browser.commands.getAll() lists it. */
export interface Command {
  name?: string;
  shortcut?: string;
}

export interface ShortcutRow {
  what: MessageKey;
  /** As the browser shows it (e.g. "Alt+Shift+C", "⌥⇧C"); null when the user removed it. */
  shortcut: string | null;
}

// Ours, in the order shown; the popup's command is named per manifest version. Others (WXT's
// reload command in development) are not the user's business.
const OURS: [string[], MessageKey][] = [
  [['_execute_action', '_execute_browser_action'], 'cmdOpenPopup'],
  [['call-selection'], 'cmdCallSelection'],
];

export function shortcutRows(commands: Command[]): ShortcutRow[] {
  return OURS.flatMap(([names, what]) => {
    const c = commands.find((x) => x.name !== undefined && names.includes(x.name));
    return c ? [{ what, shortcut: c.shortcut || null }] : [];
  });
}
