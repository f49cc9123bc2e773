import type { CallMode } from '../call/types';

export type RecentResult =
  | 'answered'
  | 'busy'
  | 'noAnswer'
  | 'unreachable'
  | 'refused'
  | 'failed'
  | 'cancelled'
  | 'micDenied'
  | 'notConnected'
  | 'declined'
  | 'missed'
  | 'answeredElsewhere';

export const RECENT_RESULTS: readonly RecentResult[] = [
  'answered', 'busy', 'noAnswer', 'unreachable', 'refused', 'failed', 'cancelled', 'micDenied', 'notConnected',
  'declined', 'missed', 'answeredElsewhere',
];

export interface RecentCall {
  /** The call host's local call id. */
  id: string;
  startedAt: number;
  direction: 'outgoing' | 'incoming';
  mode: CallMode;
  /** The other side as Stringee has it: 84… for phones, or a user id / extension. */
  target: string;
  /** The hotline (84…) of a Call out; undefined for free calls. */
  hotline: string | undefined;
  /** The contact's name when the number was in the contacts at the time of the call. */
  contactName?: string;
  /** Seconds from answer to end; 0 when not answered. */
  durationSec: number;
  result: RecentResult;
}
