import { describe, expect, it } from 'vitest';
import { DEFAULT_PHONE_BEHAVIOUR, DEMO_PHONES } from '../config.js';
import { PhoneBook, parsePhoneBehaviour } from './phone-book.js';

describe('parsePhoneBehaviour', () => {
  it.each([
    [{ kind: 'answer', afterSec: 2 }, { kind: 'answer', afterSec: 2 }],
    [{ kind: 'answer', afterSec: 0, hangupAfterSec: 5, extra: 1 }, { kind: 'answer', afterSec: 0, hangupAfterSec: 5 }],
    [{ kind: 'busy' }, { kind: 'busy' }],
    [{ kind: 'busy', afterSec: 0.5 }, { kind: 'busy', afterSec: 0.5 }],
    [{ kind: 'noAnswer' }, { kind: 'noAnswer' }],
    [{ kind: 'unreachable', afterSec: 3 }, { kind: 'unreachable' }],
  ])('accepts %j', (input, expected) => {
    expect(parsePhoneBehaviour(input)).toEqual(expected);
  });

  it.each([
    [null, /object/],
    ['busy', /object/],
    [{}, /kind/],
    [{ kind: 'ring' }, /kind/],
    [{ kind: 'answer' }, /afterSec/],
    [{ kind: 'answer', afterSec: -1 }, /afterSec/],
    [{ kind: 'answer', afterSec: '2' }, /afterSec/],
    [{ kind: 'answer', afterSec: 1, hangupAfterSec: Number.NaN }, /hangupAfterSec/],
    [{ kind: 'busy', afterSec: Infinity }, /afterSec/],
  ])('rejects %j', (input, message) => {
    expect(() => parsePhoneBehaviour(input)).toThrow(message);
  });
});

describe('PhoneBook', () => {
  it('starts from the demo table and falls back to the default', () => {
    const book = new PhoneBook();
    for (const p of DEMO_PHONES) expect(book.get(p.number)).toEqual(p.behaviour);
    expect(book.get('84912345678')).toEqual(DEFAULT_PHONE_BEHAVIOUR);
  });

  it('overrides per instance and validates the number', () => {
    const a = new PhoneBook();
    const b = new PhoneBook();
    a.set('84912345678', { kind: 'busy' });
    expect(a.get('84912345678')).toEqual({ kind: 'busy' });
    expect(b.get('84912345678')).toEqual(DEFAULT_PHONE_BEHAVIOUR);
    expect(() => a.set('0912345678', { kind: 'busy' })).toThrow(/84/);
  });

  it('has demo numbers for every behaviour on several carriers', () => {
    const kinds = new Set(DEMO_PHONES.map((p) => p.behaviour.kind));
    expect([...kinds].sort()).toEqual(['answer', 'busy', 'noAnswer', 'unreachable']);
    expect(new Set(DEMO_PHONES.map((p) => p.carrier)).size).toBeGreaterThanOrEqual(3);
  });
});
