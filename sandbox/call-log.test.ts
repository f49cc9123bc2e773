import { describe, expect, it } from 'vitest';
import { CallLog, finishEntry } from './call-log.js';
import type { CallLogEntry } from './types.js';

function entry(over: Partial<CallLogEntry> = {}): CallLogEntry {
  return {
    callId: 'call-vn-1-ABCDEFGHIJ-1',
    from: 'agent1',
    to: 'agent2',
    type: 'internal',
    direction: 'outbound',
    video: false,
    callerUserId: 'agent1',
    custom: '',
    startedAt: 1_000,
    dtmf: '',
    holds: [],
    ...over,
  };
}

describe('finishEntry', () => {
  it.each([
    ['answered 12.4 s', { answeredAt: 2_000 }, 14_400, 12],
    ['answered 0.6 s', { answeredAt: 2_000 }, 2_600, 1],
    ['never answered', {}, 30_000, 0],
  ])('%s', (_name, over, now, duration) => {
    const e = entry(over);
    expect(finishEntry(e, 'answered', 'caller', now)).toBe(true);
    expect(e).toMatchObject({ endedAt: now, result: 'answered', endedBy: 'caller', durationSec: duration });
  });

  it('keeps the first outcome', () => {
    const e = entry();
    finishEntry(e, 'busy', 'callee', 5_000);
    expect(finishEntry(e, 'cancelled', 'caller', 6_000)).toBe(false);
    expect(e).toMatchObject({ result: 'busy', endedBy: 'callee', endedAt: 5_000 });
  });
});

describe('CallLog', () => {
  it('hands out copies', () => {
    const log = new CallLog();
    log.add(entry());
    log.list()[0]!.holds.push(true);
    expect(log.list()[0]!.holds).toEqual([]);
    expect(log.find('call-vn-1-ABCDEFGHIJ-1')).toBeDefined();
  });
});
