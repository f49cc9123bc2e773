import { describe, expect, it } from 'vitest';
import { newCallView } from '../call/call-state';
import type { CallView, EndReason } from '../call/types';
import { contactFromDraft } from '../contacts/draft';
import type { RecentResult } from './types';
import { recentFromCall } from './from-call';

const contacts = [
  contactFromDraft({ name: 'Nguyễn Văn A', phones: [{ label: '', number: '0912 345 678' }], company: '', email: '', note: '' }, 'c1', 1),
];

function view(over: Partial<CallView>): CallView {
  return newCallView({
    id: 'call-1',
    callId: 'sid',
    direction: 'outgoing',
    mode: 'callout',
    from: '842471001234',
    to: '84912345678',
    phase: 'ended',
    startedAt: 1_000_000,
    endedAt: 1_030_000,
    endReason: 'hangup',
    ...over,
  });
}

describe('recentFromCall', () => {
  it('maps an answered Call out, with the contact name and duration from answer to end', () => {
    expect(recentFromCall(view({ answeredAt: 1_010_000, endedAt: 1_075_400, endReason: 'remoteHangup' }), contacts)).toEqual({
      id: 'call-1',
      startedAt: 1_000_000,
      direction: 'outgoing',
      mode: 'callout',
      target: '84912345678',
      hotline: '842471001234',
      contactName: 'Nguyễn Văn A',
      durationSec: 65,
      result: 'answered',
    });
  });

  it.each<[EndReason, boolean, RecentResult]>([
    ['hangup', true, 'answered'],
    ['remoteHangup', true, 'answered'],
    ['hangup', false, 'cancelled'],
    ['remoteHangup', false, 'noAnswer'],
    ['busy', false, 'busy'],
    ['noAnswer', false, 'noAnswer'],
    ['unreachable', false, 'unreachable'],
    ['refused', false, 'refused'],
    ['micDenied', false, 'micDenied'],
    ['notConnected', false, 'notConnected'],
    ['failed', false, 'failed'],
    ['failed', true, 'answered'], // dropped after a conversation: still an answered call
  ])('%s (answered: %s) → %s', (endReason, answered, result) => {
    const r = recentFromCall(view({ endReason, answeredAt: answered ? 1_010_000 : undefined }), contacts);
    expect(r?.result).toBe(result);
    expect(r?.durationSec).toBe(answered ? 20 : 0);
  });

  it('has no hotline for free calls, and no contact for user ids', () => {
    const r = recentFromCall(view({ mode: 'voice', from: 'agent1', to: '103' }), contacts);
    expect(r).toMatchObject({ mode: 'voice', target: '103', hotline: undefined });
    expect(r).not.toHaveProperty('contactName');
  });

  it('takes the caller as target of an incoming call', () => {
    const r = recentFromCall(view({ from: '84912345678', to: '842471001234' }), contacts, 'incoming');
    expect(r).toMatchObject({ direction: 'incoming', target: '84912345678', hotline: '842471001234', contactName: 'Nguyễn Văn A' });
  });

  it('is null while the call is live', () => {
    expect(recentFromCall(view({ phase: 'answered', endReason: undefined, endedAt: undefined }), contacts)).toBeNull();
  });
});
