import { describe, expect, it } from 'vitest';
import type { Carrier } from '../phone/vn-carriers';
import { resolveHotline } from './hotline-choice';
import type { Hotline, HotlineChoice } from './types';

const H = (number: string, carrier: Carrier | undefined): Hotline => ({ number, carrier, telco: carrier ?? 'landline' });
const hotlines = [H('842873001234', undefined), H('84961000111', 'Viettel'), H('84911000222', 'Vinaphone'), H('84901000333', 'Mobifone')];
const adaptive: HotlineChoice = { kind: 'adaptive' };

describe('resolveHotline', () => {
  it.each<[string, HotlineChoice, Carrier | undefined, string | undefined, string, string]>([
    ['Viettel callee gets the Viettel hotline', adaptive, 'Viettel', undefined, '84961000111', 'adaptive'],
    ['Vinaphone callee gets the Vinaphone hotline', adaptive, 'Vinaphone', undefined, '84911000222', 'adaptive'],
    ['Mobifone callee gets the Mobifone hotline', adaptive, 'Mobifone', undefined, '84901000333', 'adaptive'],
    ['no hotline on the network: the configured fallback', adaptive, 'Vietnamobile', '84911000222', '84911000222', 'fallback'],
    ['no fallback configured: the first hotline', adaptive, 'iTel', undefined, '842873001234', 'fallback'],
    ['landline callee: fallback', adaptive, undefined, '84901000333', '84901000333', 'fallback'],
    ['a stale fallback falls back to the first', adaptive, undefined, '84999999999', '842873001234', 'fallback'],
    ['a chosen hotline is used as is', { kind: 'hotline', number: '84901000333' }, 'Viettel', undefined, '84901000333', 'chosen'],
  ])('%s', (_, choice, carrier, fallback, number, how) => {
    const r = resolveHotline(hotlines, choice, carrier, fallback);
    expect(r).toMatchObject({ ok: true, how, hotline: { number } });
  });

  it('refuses when the account has no hotlines', () => {
    expect(resolveHotline([], adaptive, 'Viettel')).toEqual({ ok: false, error: 'noHotlines' });
  });

  it('refuses a chosen hotline that is gone', () => {
    expect(resolveHotline(hotlines, { kind: 'hotline', number: '84000' }, undefined)).toEqual({
      ok: false,
      error: 'unknownHotline',
    });
  });
});
