import type { HotlineChoice, CallMode } from '@/utils/call/types';
import type { StartCallResult } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import type { Found } from './found';

export interface CallChoice {
  mode: CallMode;
  hotline?: HotlineChoice;
  premiumConfirmed?: boolean;
}

/**
 * Asks the background to call a found number. The only caller is a handler of a trusted click
 * on our own UI; the event is passed in so that rule is checked right here too.
 */
export async function placeCall(event: Event, f: Found, choice: CallChoice): Promise<StartCallResult> {
  if (!event.isTrusted) return { ok: false, detail: 'untrusted' };
  try {
    return await request('page.call', {
      target: f.target,
      mode: choice.mode,
      ...(choice.hotline ? { hotline: choice.hotline } : {}),
      ...(choice.premiumConfirmed ? { premiumConfirmed: true } : {}),
      ...(f.number.extension ? { extension: f.number.extension } : {}),
    });
  } catch (e) {
    // The extension was reloaded under this page, or the background is unavailable.
    return { ok: false, detail: String(e) };
  }
}

/** Internal targets (extensions from tel: links) take Free calls; phone numbers Call out. */
export const isInternal = (f: Found): boolean => !f.target.startsWith('+');
