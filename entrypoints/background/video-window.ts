import { browser } from 'wxt/browser';
import { isLive } from '@/utils/call/call-state';
import type { RequestPayload } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';

/** Whether a video call window holds a live call (no window: nobody answers, so no). */
export async function videoCallLive(): Promise<boolean> {
  try {
    return isLive((await request('window.getState', {})).call);
  } catch {
    return false;
  }
}

/** Free video calls run in their own window: the offscreen call host cannot show video. */
export async function openVideoCall(call: RequestPayload<'host.makeCall'>): Promise<void> {
  const params = new URLSearchParams({ from: call.from, to: call.to, mode: call.mode, custom: call.custom });
  await browser.windows.create({
    url: `${browser.runtime.getURL('/call-window.html')}?${params}`,
    type: 'popup',
    width: 480,
    height: 640,
    focused: true,
  });
}
