import type { Carrier } from '../phone/vn-carriers';
import type { Hotline, HotlineChoice } from './types';

export type HotlineResolution =
  | { ok: true; hotline: Hotline; how: 'chosen' | 'adaptive' | 'fallback' }
  | { ok: false; error: 'noHotlines' | 'unknownHotline' };

/**
 * Picks the hotline a Call out goes from. Adaptive number: the hotline on the callee's
 * network; when none matches (landline, foreign or unknown carrier), the fallback hotline
 * (or the first one), and the caller is told which happened.
 */
export function resolveHotline(
  hotlines: readonly Hotline[],
  choice: HotlineChoice,
  calleeCarrier: Carrier | undefined,
  fallbackNumber?: string,
): HotlineResolution {
  if (hotlines.length === 0) return { ok: false, error: 'noHotlines' };
  if (choice.kind === 'hotline') {
    const hotline = hotlines.find((h) => h.number === choice.number);
    return hotline ? { ok: true, hotline, how: 'chosen' } : { ok: false, error: 'unknownHotline' };
  }
  const match = calleeCarrier && hotlines.find((h) => h.carrier === calleeCarrier);
  if (match) return { ok: true, hotline: match, how: 'adaptive' };
  const fallback = hotlines.find((h) => h.number === fallbackNumber) ?? hotlines[0]!;
  return { ok: true, hotline: fallback, how: 'fallback' };
}
