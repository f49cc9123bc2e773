import { browser } from 'wxt/browser';
import type { RequestPayload } from '@/utils/messaging/protocol';

/** Free video calls run in their own window: the offscreen call host cannot show video. */
export async function openVideoCall(call: RequestPayload<'host.makeCall'>): Promise<void> {
  const params = new URLSearchParams({ from: call.from, to: call.to, mode: call.mode, custom: call.custom });
  await openCallWindow(params);
}

/**
 * A Free video call to us, answered in the call host: its window shows the caller's video and
 * our camera, while the call itself stays in the host (see utils/call-host/video-handoff.ts).
 */
export async function openAnsweredVideoCall(callId: string): Promise<void> {
  await openCallWindow(new URLSearchParams({ answered: callId }));
}

async function openCallWindow(params: URLSearchParams): Promise<void> {
  await browser.windows.create({
    url: `${browser.runtime.getURL('/call-window.html')}?${params}`,
    type: 'popup',
    width: 480,
    height: 640,
    focused: true,
  });
}
