import { describe, expect, it } from 'vitest';
import { decideMode } from './mode-rules';
import { classifyTarget } from './target';
import type { CallMode } from './types';

describe('classifyTarget', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['103', 'internal'],
    ['10', 'internal'],
    ['agent1', 'internal'],
    ['nguyen.van.a@acme', 'internal'],
    ['0912 345 678', 'phone'],
    ['+84 912 345 678', 'phone'],
    ['1900 6868', 'phone'],
    ['0912 34', 'invalid'],
    ['12.345.678', 'invalid'],
    ['hello world', 'invalid'],
  ])('%j is %s', (input, kind) => {
    expect(classifyTarget(input).kind).toBe(kind);
  });
});

describe('decideMode', () => {
  it.each<[CallMode, string, object]>([
    ['callout', '0912 345 678', { ok: true, toNumber: '84912345678', video: false }],
    ['callout', '(028) 3822 1234', { ok: true, toNumber: '842838221234' }],
    ['callout', '103', { ok: false, refusal: 'calloutToInternal', suggestedMode: 'voice' }],
    ['callout', 'agent2', { ok: false, refusal: 'calloutToInternal' }],
    ['callout', '1900 6868', { ok: false, refusal: 'premiumNeedsConfirm' }],
    ['callout', '', { ok: false, refusal: 'empty' }],
    ['callout', '0912 34', { ok: false, refusal: 'invalidNumber' }],
    ['voice', '103', { ok: true, toNumber: '103', video: false }],
    ['voice', 'agent2', { ok: true, toNumber: 'agent2', video: false }],
    ['video', '103', { ok: true, toNumber: '103', video: true }],
    // A Free call never reaches a customer's phone, whatever the format.
    ['voice', '0912 345 678', { ok: false, refusal: 'freeToPhone', suggestedMode: 'callout' }],
    ['video', '+84912345678', { ok: false, refusal: 'freeToPhone', suggestedMode: 'callout' }],
    ['voice', '1800 1234', { ok: false, refusal: 'freeToPhone' }],
  ])('%s to %j', (mode, input, expected) => {
    expect(decideMode(mode, classifyTarget(input))).toMatchObject(expected);
  });

  it('calls a 1900 number once confirmed', () => {
    expect(decideMode('callout', classifyTarget('1900 6868'), { premiumConfirmed: true })).toMatchObject({
      ok: true,
      toNumber: '8419006868',
    });
  });

  it('passes the written extension on for DTMF', () => {
    const d = decideMode('callout', classifyTarget('0912 345 678 ext 103'));
    expect(d.ok && d.phone?.extension).toBe('103');
  });
});
