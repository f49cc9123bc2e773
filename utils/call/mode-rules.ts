import type { ParsedPhone } from '../phone/parse';
import type { Target } from './target';
import type { CallMode } from './types';

export type ModeRefusal =
  | 'empty'
  | 'invalidNumber'
  | 'freeToPhone' // a Free call can never reach a customer's phone
  | 'calloutToInternal' // a Call out needs a phone number, not an extension
  | 'premiumNeedsConfirm';

export type ModeDecision =
  | { ok: true; toNumber: string; video: boolean; phone: ParsedPhone | undefined }
  | { ok: false; refusal: ModeRefusal; suggestedMode: CallMode | undefined };

/**
 * The one place that decides whether a target may be called in a mode, and what Stringee's
 * toNumber is: 84… for Call out, the extension or user id for Free calls.
 */
export function decideMode(
  mode: CallMode,
  target: Target,
  opts: { premiumConfirmed?: boolean } = {},
): ModeDecision {
  if (target.kind === 'empty') return { ok: false, refusal: 'empty', suggestedMode: undefined };
  if (target.kind === 'invalid')
    return { ok: false, refusal: 'invalidNumber', suggestedMode: undefined };
  if (mode === 'callout') {
    if (target.kind === 'internal')
      return { ok: false, refusal: 'calloutToInternal', suggestedMode: 'voice' };
    if (target.phone.kind === 'premium' && !opts.premiumConfirmed)
      return { ok: false, refusal: 'premiumNeedsConfirm', suggestedMode: undefined };
    return { ok: true, toNumber: target.phone.stringee, video: false, phone: target.phone };
  }
  if (target.kind === 'phone')
    return { ok: false, refusal: 'freeToPhone', suggestedMode: 'callout' };
  return { ok: true, toNumber: target.id, video: mode === 'video', phone: undefined };
}
