import { resolveHotline } from '@/utils/call/hotline-choice';
import { decideMode } from '@/utils/call/mode-rules';
import { classifyTarget } from '@/utils/call/target';
import type { RequestPayload, StartCallResult } from '@/utils/messaging/protocol';
import { request } from '@/utils/messaging/runtime';
import { accountItem, callModeItem, fallbackHotlineItem, hotlineChoiceItem } from '@/utils/settings/items';
import { ensureHost } from './call-host-launcher';
import { getHotlines } from './hotlines';

/**
 * Policy for every call, whoever asks (popup today; page icons and the context menu later):
 * the mode rules, the hotline (Adaptive number included), then the call host places it.
 */
export async function placeCall(req: RequestPayload<'call.start'>): Promise<StartCallResult> {
  const account = await accountItem.getValue();
  if (!account) return { ok: false, error: 'noAccount' };

  const decision = decideMode(req.mode, classifyTarget(req.target), {
    premiumConfirmed: req.premiumConfirmed,
  });
  if (!decision.ok) return { ok: false, error: decision.refusal };

  let from = account.userId;
  let hotline: StartCallResult['hotline'];
  if (req.mode === 'callout') {
    const { hotlines } = await getHotlines();
    const resolved = resolveHotline(
      hotlines,
      req.hotline,
      decision.phone?.carrier,
      (await fallbackHotlineItem.getValue()) ?? undefined,
    );
    if (!resolved.ok) return { ok: false, error: resolved.error };
    from = resolved.hotline.number;
    hotline = { number: from, how: resolved.how };
    await hotlineChoiceItem.setValue(req.hotline);
  }
  await callModeItem.setValue(req.mode);

  try {
    await ensureHost();
  } catch (e) {
    return { ok: false, error: 'hostUnavailable', detail: (e as Error).message };
  }
  const res = await request('host.makeCall', {
    from,
    to: decision.toNumber,
    mode: req.mode,
    // Reaches the project's answer_url: lets its routing tell modes and hotline choice apart.
    custom: JSON.stringify({ mode: req.mode, hotline: req.hotline.kind }),
    dtmfAfterConnect: decision.phone?.extension,
  });
  return { ...res, hotline };
}
