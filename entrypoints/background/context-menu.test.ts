import { describe, expect, it } from 'vitest';
import { choiceOf, numberOfTelLink } from './context-menu';

describe('numberOfTelLink', () => {
  it.each([
    ['tel:0912345678', '0912345678'],
    ['tel:+84%20912%20345%20678', '+84 912 345 678'],
    ['TEL:+84912345678;ext=103', '+84912345678'],
    ['tel:028.3822.1234?call', '028.3822.1234'],
    ['tel:%E0%A4%A', ''], // broken escapes never throw
  ])('%s → %j', (url, number) => expect(numberOfTelLink(url)).toBe(number));
});

describe('choiceOf', () => {
  it.each([
    ['sel|adaptive', { kind: 'adaptive' }],
    ['tel|hotline|84966000111', { kind: 'hotline', number: '84966000111' }],
    ['c2c-selection', null],
    ['sel|hotline|', null],
  ])('%s', (id, choice) => expect(choiceOf(id)).toEqual(choice));
});
