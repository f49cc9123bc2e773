import { browser } from 'wxt/browser';
import { request } from '@/utils/messaging/runtime';
import { audioDevicesItem } from '@/utils/settings/items';
import { offscreenPlace } from './host-offscreen';
import { windowPlace } from './host-window';

/** The call host page, whichever browser: the policy talks to it only through messages. */
const HOST_PATH = '/offscreen.html';

/** Where the call host document lives in this browser. */
export interface HostPlace {
  /** Whether the host can run unseen, signed in before any call (so calls to us ring). */
  startsUnseen: boolean;
  exists(): Promise<boolean>;
  /** Starts loading the host document; it answers messages a little later (ensureHost shares one creation among concurrent callers). */
  create(): Promise<void>;
  /** Brings a host with a window forward, for a call starting or being answered. */
  show(): Promise<void>;
}

let place: HostPlace | undefined;
/** A creation under way: concurrent callers share it (one offscreen document, one window). */
let creating: Promise<void> | null = null;
/** Chrome: an offscreen document. Firefox has none: a window of ours (host-window.ts). */
function hostPlace(): HostPlace {
  place ??= browser.offscreen ? offscreenPlace(HOST_PATH) : windowPlace();
  return place;
}

export function hostExists(): Promise<boolean> {
  return hostPlace().exists();
}

/**
 * Starts the call host ahead of any call where it runs unseen (Chrome), so the connection is
 * ready and calls to us ring; where it would open a window (Firefox), only a host already
 * open is kept.
 */
export async function warmHost(): Promise<void> {
  if (hostPlace().startsUnseen || (await hostExists())) await ensureHost();
}

/** Makes sure the one call host exists and answers (for a call: it may open a window). */
export async function ensureHost(): Promise<void> {
  let created = false;
  if (!(await hostExists())) {
    created = true;
    creating ??= hostPlace()
      .create()
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

/** The host, ready and in view, for a call to be placed or answered in it. */
export async function ensureHostForCall(): Promise<void> {
  await ensureHost();
  await hostPlace().show();
}

/** The document exists before its script listens: poll until it answers. */
async function waitForHost(): Promise<void> {
  let last: unknown;
  for (let i = 0; i < 50; i++) {
    try {
      // Firefox answers undefined (Chrome: an error) when other pages listen but none replies.
      if (await request('host.getState', {})) return;
      last = 'no answer';
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Call host did not start: ${String(last)}`);
}
