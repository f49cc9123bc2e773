import { browser, type Browser } from 'wxt/browser';
import { selectionAnswerCheck } from '@/utils/messaging/protocol';
import { requestTab } from '@/utils/messaging/runtime';
import { callFromPage, offerFix } from './call-from-page';

/** Manifest `commands` (wxt.config.ts) other than opening the popup, which the browser does. */
export const CALL_SELECTION = 'call-selection';

export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== CALL_SELECTION) return;
  // Firefox before 126 passes no tab.
  const id = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  const selection = id === undefined ? undefined : await readSelection(id);
  if (selection === undefined) return offerFix({ text: '', mode: 'callout', error: 'unreadable' });
  // Same path and rules as the context menu on a selection, with the remembered hotline.
  if (!selection.trim()) return offerFix({ text: '', mode: 'callout', error: 'noSelection' });
  await callFromPage(selection);
}

/**
 * The selected text in the tab: the focused frame's, else the top frame's (focus may be in the
 * address bar while the page still shows its selection). Undefined when no content script
 * answers (browser pages; tabs opened before the extension was installed or updated).
 */
export async function readSelection(tabId: number): Promise<string | undefined> {
  const answer =
    (await requestTab(tabId, 'content.selection', { focusedOnly: true }).catch(() => undefined)) ??
    (await requestTab(tabId, 'content.selection', { focusedOnly: false }, { frameId: 0 }).catch(() => undefined));
  if (answer === undefined) return undefined;
  try {
    return selectionAnswerCheck(answer).text;
  } catch (e) {
    console.warn('[commands] dropped a selection answer:', String(e));
    return undefined;
  }
}
