import type { CallView, EndReason } from '../call/types';
import { contactByNumber } from '../contacts/search';
import type { Contact } from '../contacts/types';
import type { RecentCall, RecentResult } from './types';

function resultOf(reason: EndReason, answered: boolean): RecentResult {
  if (answered) return 'answered';
  switch (reason) {
    case 'hangup':
      return 'cancelled'; // we hung up before anyone answered
    case 'remoteHangup':
      return 'noAnswer'; // the other side dropped it while it rang
    default:
      return reason;
  }
}

/**
 * The recents entry for an ended call; null while the call is live. Outgoing calls go from a
 * hotline (Call out) or our user id (free calls) to the target; incoming ones the other way.
 */
export function recentFromCall(
  view: CallView,
  contacts: readonly Contact[],
  // Incoming calls, once the call host has them, may carry their direction on the view.
  direction: RecentCall['direction'] = (view as { direction?: RecentCall['direction'] }).direction ?? 'outgoing',
): RecentCall | null {
  if (view.phase !== 'ended' || !view.endReason) return null;
  const answered = view.answeredAt !== undefined;
  const target = direction === 'outgoing' ? view.to : view.from;
  const ours = direction === 'outgoing' ? view.from : view.to;
  const end = view.endedAt ?? view.answeredAt ?? view.startedAt;
  const contact = /^\d{8,15}$/.test(target) ? contactByNumber(contacts, target) : undefined;
  const recent: RecentCall = {
    id: view.id,
    startedAt: view.startedAt,
    direction,
    mode: view.mode,
    target,
    hotline: view.mode === 'callout' && ours ? ours : undefined,
    durationSec: answered ? Math.max(0, Math.round((end - view.answeredAt!) / 1000)) : 0,
    result: resultOf(view.endReason, answered),
  };
  if (contact?.name) recent.contactName = contact.name;
  return recent;
}
