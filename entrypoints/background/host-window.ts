import { browser } from 'wxt/browser';
import type { HostPlace } from './call-host-launcher';

const WINDOW_PAGE = '/call-host-window.html';

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
  const hostTab = async () => (await browser.tabs.query({ url: browser.runtime.getURL(WINDOW_PAGE) }))[0];
  return {
    // Opened only for a call: a window that pops up at browser start-up would be unwelcome.
    startsUnseen: false,
    async exists() {
      return (await hostTab()) !== undefined;
    },
    async create() {
      await browser.windows.create({ url: browser.runtime.getURL(WINDOW_PAGE), type: 'popup', width: 360, height: 700 });
    },
    // Firefox holds back a document's device list (the SDK asks for it while starting a call)
    // until its window has focus: a call placed or answered from elsewhere would hang.
    async show() {
      const tab = await hostTab();
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    },
  };
}
