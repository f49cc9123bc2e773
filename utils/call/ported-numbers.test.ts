import { describe, expect, it } from 'vitest';
import { calleeCarrier, setPorted } from './ported-numbers';

describe('calleeCarrier', () => {
  const ported = [{ number: '84912345678', carrier: 'Viettel' as const }];
  it.each<[string | undefined, 'Vinaphone' | undefined, string | undefined]>([
    ['84912345678', 'Vinaphone', 'Viettel'], // ported away from Vinaphone
    ['84912000000', 'Vinaphone', 'Vinaphone'],
    [undefined, 'Vinaphone', 'Vinaphone'],
    ['842838221234', undefined, undefined],
  ])('%s (prefix says %s) → %s', (n, detected, carrier) => expect(calleeCarrier(n, detected, ported)).toBe(carrier));
});

describe('setPorted', () => {
  it('replaces an older entry for the number and puts the newest first', () =>
    expect(setPorted([{ number: '1', carrier: 'Viettel' }, { number: '2', carrier: 'Mobifone' }], { number: '2', carrier: 'Vinaphone' })).toEqual([
      { number: '2', carrier: 'Vinaphone' },
      { number: '1', carrier: 'Viettel' },
    ]));
});
