import { browser } from 'wxt/browser';
import type { HostPlace } from './call-host-launcher';

/** Chrome: the call host is an offscreen document, which outlives the service worker. */
export function offscreenPlace(url: string): HostPlace {
  return {
    startsUnseen: true,
    async exists() {
      const contexts = await browser.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT' as never],
        documentUrls: [browser.runtime.getURL(url as '/offscreen.html')],
      });
      return contexts.length > 0;
    },
    async create() {
      // Only one offscreen document may exist: "already exists" from a racing creation is fine.
      await browser.offscreen
        .createDocument({
          url,
          // USER_MEDIA and WEB_RTC keep the document alive through silence (AUDIO_PLAYBACK
          // alone is closed after 30 s without sound).
          reasons: ['USER_MEDIA', 'WEB_RTC'] as never[],
          justification: 'Holds the Stringee connection and the live call with its audio.',
        })
        .catch((e: unknown) => {
          if (!/single offscreen/i.test(String(e))) throw e;
        });
    },
    // Nothing to show: the document has no window.
    async show() {},
  };
}
