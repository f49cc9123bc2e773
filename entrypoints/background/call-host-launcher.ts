import { browser } from 'wxt/browser';
import { request } from '@/utils/messaging/runtime';
import { audioDevicesItem } from '@/utils/settings/items';

const HOST_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

export async function hostExists(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as never],
    documentUrls: [browser.runtime.getURL(HOST_PATH)],
  });
  return contexts.length > 0;
}

/**
 * Makes sure the one call host exists and answers. Only one offscreen document may exist, so
 * concurrent callers share one creation, and "already exists" from a racing creation is fine.
 */
export async function ensureHost(): Promise<void> {
  let created = false;
  if (!(await hostExists())) {
    created = true;
    creating ??= browser.offscreen
      .createDocument({
        url: HOST_PATH,
        // USER_MEDIA and WEB_RTC keep the document alive through silence (AUDIO_PLAYBACK alone
        // is closed after 30 s without sound).
        reasons: ['USER_MEDIA', 'WEB_RTC'] as never[],
        justification: 'Holds the Stringee connection and the live call with its audio.',
      })
      .catch((e: unknown) => {
        if (!/single offscreen/i.test(String(e))) throw e;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  }
  await waitForHost();
  // A new host starts with the microphone and speaker the user chose.
  const devices = await audioDevicesItem.getValue();
  if (created && (devices.input || devices.output)) await request('host.setDevices', devices).catch(() => undefined);
}

/** The document exists before its script listens: poll until it answers. */
async function waitForHost(): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 50; i++) {
    try {
      await request('host.getState', {});
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Call host did not start: ${String(last)}`);
}
