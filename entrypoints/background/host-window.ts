import { browser } from 'wxt/browser';
import type { HostPlace } from './call-host-launcher';

const WINDOW_PAGE = '/call-host-window.html';
let creating: Promise<void> | null = null;

/**
 * Firefox has no offscreen documents, and it always refuses the microphone to a background
 * page, frames in it included, whatever the user allowed ("Recording from background pages is
 * considered too sensitive and will always be denied", Firefox's WebRTCParent). So the call
 * host runs in a small window of ours while calls need it: call-host-window.html, with the
 * same host page (offscreen.html) in a frame beside the softphone. There the microphone
 * permission the user remembered on the setup page applies (or Firefox asks, in view). The
 * background keeps talking to it with the same messages as in Chrome. Closing the window ends
 * its call and signs out; the next call opens it again.
 */
export function windowPlace(): HostPlace {
  const open = () => (browser.extension.getViews() as unknown as globalThis.Window[]).some((view) => view.location.pathname === WINDOW_PAGE);
  return {
    // Opened only for a call: a window that pops up at browser start-up would be unwelcome.
    startsUnseen: false,
    async exists() {
      return open();
    },
    async create() {
      creating ??= (async () => {
        await browser.windows.create({ url: browser.runtime.getURL(WINDOW_PAGE), type: 'popup', width: 380, height: 640 });
        // The window's page is listed a moment after the window exists: until then a second
        // caller shares this creation instead of opening another window.
        for (let i = 0; i < 50 && !open(); i++) await new Promise((r) => setTimeout(r, 100));
      })().finally(() => {
        creating = null;
      });
      await creating;
    },
  };
}
