import { resolveHotline, type HotlineResolution } from '@/utils/call/hotline-choice';
import { decideMode } from '@/utils/call/mode-rules';
import { classifyTarget } from '@/utils/call/target';
import type { CallMode, Hotline, HotlineChoice } from '@/utils/call/types';
import type { StartCallResult } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import { accountItem, portedNumbersItem } from '@/utils/account/items';
import { calleeCarrier } from '@/utils/call/ported-numbers';
import type { ParsedPhone } from '@/utils/phone/parse';
import { callModeItem, fallbackHotlineItem, hotlineChoiceItem } from '@/utils/settings/items';
import { isLive } from '@/utils/call/call-state';
import { ensureHostForCall, hostExists } from './call-host-launcher';
import { videoWindowCallLive } from '@/utils/call-host/video-window-call';
import { openVideoCall } from './video-window';
import { getHotlines } from './hotlines';

export interface CallOrder {
  target: string;
  mode: CallMode;
  /** Absent: the remembered choice (page icons call with the defaults). */
  hotline?: HotlineChoice;
  premiumConfirmed?: boolean;
  /** Extension digits found beside a number on a page. */
  extension?: string;
  /** Whether this choice becomes the remembered default (the softphone's choices do). */
  remember: boolean;
}

/**
 * The hotline a Call out to `callee` would use with `choice` (or the remembered one). Adaptive
 * number reads the callee's network from its prefix unless the user marked the number ported.
 */
export async function previewHotline(
  callee: Pick<ParsedPhone, 'stringee' | 'carrier'> | null | undefined,
  choice?: HotlineChoice,
): Promise<{ hotlines: Hotline[]; choice: HotlineChoice; resolution: HotlineResolution }> {
  const [{ hotlines }, c, fallback, ported] = await Promise.all([
    getHotlines(),
    choice ?? hotlineChoiceItem.getValue(),
    fallbackHotlineItem.getValue(),
    portedNumbersItem.getValue(),
  ]);
  const carrier = calleeCarrier(callee?.stringee, callee?.carrier, ported);
  return { hotlines, choice: c, resolution: resolveHotline(hotlines, c, carrier, fallback ?? undefined) };
}

/**
 * Policy for every call, whoever asks (the softphone, page icons, later the context menu): the
 * mode rules, the hotline (Adaptive number included), then the call host places it.
 */
export async function placeCall(order: CallOrder): Promise<StartCallResult> {
  const account = await accountItem.getValue();
  if (!account) return { ok: false, error: 'noAccount' };

  const decision = decideMode(order.mode, classifyTarget(order.target), {
    premiumConfirmed: order.premiumConfirmed,
  });
  if (!decision.ok) return { ok: false, error: decision.refusal };

  let from = account.userId;
  let hotline: StartCallResult['hotline'];
  let choice: HotlineChoice | undefined;
  if (order.mode === 'callout') {
    const preview = await previewHotline(decision.phone, order.hotline);
    if (!preview.resolution.ok) return { ok: false, error: preview.resolution.error };
    choice = preview.choice;
    from = preview.resolution.hotline.number;
    hotline = { number: from, how: preview.resolution.how };
  }
  if (order.remember) {
    if (choice) await hotlineChoiceItem.setValue(choice);
    await callModeItem.setValue(order.mode);
  }

  const call = {
    from,
    to: decision.toNumber,
    mode: order.mode,
    // Reaches the project's answer_url: lets its routing tell modes and hotline choice apart.
    custom: JSON.stringify({ mode: order.mode, hotline: choice?.kind ?? 'none' }),
    dtmfAfterConnect: order.extension ?? decision.phone?.extension,
  };
  // One call at a time, wherever it runs.
  if (await videoWindowCallLive()) return { ok: false, error: 'callInProgress' };
  if (order.mode === 'video') {
    if ((await hostExists()) && isLive((await request('host.getState', {})).call)) {
      return { ok: false, error: 'callInProgress' };
    }
    await openVideoCall(call);
    return { ok: true, inWindow: true };
  }
  try {
    await ensureHostForCall();
  } catch (e) {
    return { ok: false, error: 'hostUnavailable', detail: (e as Error).message };
  }
  const res = await request('host.makeCall', call);
  return { ...res, hotline };
}
