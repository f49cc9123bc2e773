import type { HostSnapshot } from '@/utils/call/types';
import { toolbarAction } from './toolbar-action';

const BADGES: Record<string, { text: string; color: string }> = {
  incoming: { text: '((•))', color: '#2563eb' },
  starting: { text: '…', color: '#6b7280' },
  calling: { text: '…', color: '#6b7280' },
  ringing: { text: '((•))', color: '#d97706' },
  answered: { text: '●', color: '#16a34a' },
};

/** The toolbar shows a live call at a glance, even with the popup closed. */
export function showCallOnBadge(snapshot: HostSnapshot): void {
  const badge = snapshot.call ? BADGES[snapshot.call.phase] : undefined;
  const action = toolbarAction();
  void action.setBadgeText({ text: badge?.text ?? '' });
  if (badge) void action.setBadgeBackgroundColor({ color: badge.color });
}
