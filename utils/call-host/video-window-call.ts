import { isLive } from '@/utils/call/call-state';
import { request } from '@/utils/messaging/runtime';

/**
 * Whether a call window holds a live call of its own (a Free video call it placed, on its own
 * Stringee device). No window answering means no. One call at a time counts this call too.
 */
export async function videoWindowCallLive(): Promise<boolean> {
  try {
    return isLive((await request('window.getState', {})).call);
  } catch {
    return false;
  }
}
