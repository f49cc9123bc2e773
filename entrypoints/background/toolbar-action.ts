import { browser } from 'wxt/browser';

/** The toolbar button's API: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Opens the softphone where the browser lets us (Chrome 127+); false where it does not. */
export async function openToolbarPopup(): Promise<boolean> {
  const action = toolbarAction();
  if (typeof action?.openPopup !== 'function') return false;
  try {
    await action.openPopup();
    return true;
  } catch {
    return false;
  }
}
