import { describe, expect, it } from 'vitest';
import { displayNumber, formatDateTime, formatDuration, hotlineLabel } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [61_000, '1:01'],
    [600_000, '10:00'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('%d ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('displayNumber', () => {
  it.each([
    ['84912345678', '0912 345 678'],
    ['842838221234', '028 3822 1234'],
    ['agent2', 'agent2'],
    ['103', '103'],
  ])('%s → %s', (n, text) => expect(displayNumber(n)).toBe(text));
});

describe('hotlineLabel', () => {
  it.each([
    [{ number: '84966000111', carrier: 'Viettel', telco: 'Viettel (mobile number)' }, '0966 000 111 · Viettel'],
    [{ number: '84966000111', carrier: 'Viettel', telco: '', label: 'Sales' }, '0966 000 111 · Sales (Viettel)'],
    [{ number: '842873001234', carrier: undefined, telco: 'Viettel (fixed line)' }, '028 7300 1234 · Viettel (fixed line)'],
    [{ number: '842873001234', carrier: undefined, telco: '', label: 'Tổng đài' }, '028 7300 1234 · Tổng đài'],
    [{ number: '842873001234', carrier: undefined, telco: '' }, '028 7300 1234'],
  ])('%o → %s', (h, text) => expect(hotlineLabel(h)).toBe(text));
});

describe('formatDateTime', () => {
  const at = Date.UTC(2026, 11, 7, 7, 5, 0);
  it('writes the day before the month in both languages, in the local zone', () => {
    const d = new Date(at);
    const dd = String(d.getDate()).padStart(2, '0');
    expect(formatDateTime(at, 'vi')).toContain(`${d.getDate()}/12/2026`);
    expect(formatDateTime(at, 'en')).toContain(`${dd}/12/2026`);
  });
});
