import { describe, expect, it } from 'vitest';
import { applySignaling, endCall, newCallView } from './call-state';
import type { CallPhase, CallView } from './types';

const call = (phase: CallPhase): CallView =>
  newCallView({ callId: 'call-1', direction: 'outgoing', mode: 'callout', from: '84961000111', to: '84912345678', phase, startedAt: 0 });

describe('applySignaling', () => {
  it.each<[CallPhase, object, CallPhase, string | undefined]>([
    ['starting', { code: 1 }, 'calling', undefined],
    ['calling', { code: 2 }, 'ringing', undefined],
    ['starting', { code: 2 }, 'ringing', undefined],
    ['ringing', { code: 3 }, 'answered', undefined],
    ['answered', { code: 2 }, 'answered', undefined], // late ringing never goes backwards
    ['answered', { code: 1 }, 'answered', undefined],
    ['ringing', { code: 5, sipCode: 486, sipReason: 'Busy Here' }, 'ended', 'busy'],
    ['ringing', { code: 5, sipCode: 603 }, 'ended', 'busy'],
    ['answered', { code: 6, sipCode: -1, sipReason: 'Bye' }, 'ended', 'remoteHangup'],
    ['ringing', { code: 6, sipCode: 480 }, 'ended', 'noAnswer'],
    ['ringing', { code: 6, sipCode: 408 }, 'ended', 'noAnswer'],
    ['calling', { code: 6, sipCode: 404 }, 'ended', 'unreachable'],
    ['calling', { code: 6, sipCode: 500 }, 'ended', 'failed'],
    ['ringing', { code: 4 }, 'ringing', undefined], // unknown codes are ignored
  ])('%s + %j → %s (%s)', (from, event, phase, reason) => {
    const next = applySignaling(call(from), event as { code: number }, 1000);
    expect(next.phase).toBe(phase);
    expect(next.endReason).toBe(reason);
  });

  it('records the answer time once', () => {
    const answered = applySignaling(call('ringing'), { code: 3 }, 5000);
    expect(answered.answeredAt).toBe(5000);
    expect(applySignaling(answered, { code: 3 }, 9000).answeredAt).toBe(5000);
  });

  it('keeps an ended call ended', () => {
    const ended = endCall(call('answered'), 'hangup', 10);
    expect(applySignaling(ended, { code: 3 }, 20)).toBe(ended);
    expect(endCall(ended, 'failed', 30)).toBe(ended);
  });
});
